import Link from "next/link";

export function NotFoundMessage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-4">
        If you typed the web address, check it is correct. If you followed a link, it may be to
        something you cannot see.
      </p>
      <p className="mt-4">
        <Link href="/home">Go to your home page</Link>
      </p>
    </>
  );
}
