import Link from "next/link";

/** What an emailed link's page shows when the link has expired, been used, or is not for this person. */
export function UnusableLink({
  title = "This link cannot be used",
  reason,
  next,
}: {
  title?: string;
  reason: string;
  next: { href: string; label: string };
}) {
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p role="alert">{reason}</p>
      <p>
        <Link href={next.href}>{next.label}</Link>
      </p>
    </div>
  );
}
