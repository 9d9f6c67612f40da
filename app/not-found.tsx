import Link from "next/link";
import { SiteFooter, SiteHeader } from "./_components/site-header";

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8">
        <h1 className="text-3xl font-bold">Page not found</h1>
        <p className="mt-4">If you typed the web address, check it is correct. If you followed a link, it may be to something you cannot see.</p>
        <p className="mt-4">
          <Link href="/home">Go to your home page</Link>
        </p>
      </main>
      <SiteFooter />
    </>
  );
}
