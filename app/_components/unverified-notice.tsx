import Link from "next/link";
import { getActiveViewer } from "@/lib/auth/request-viewer";

/** Tells a signed-in person whose address is not yet confirmed what that means and what to do. */
export async function UnverifiedNotice() {
  const viewer = await getActiveViewer();
  if (!viewer || viewer.verified) return null;
  return (
    <div role="region" aria-label="Confirm your email address" className="border-b-4 border-focus bg-panel">
      <p className="mx-auto max-w-5xl px-4 py-3">
        <strong>Confirm your email address</strong> to join communities and take part: open the link we emailed to you. Until then
        you can read open communities. <Link href="/settings#email-heading">Send the link again</Link>
      </p>
    </div>
  );
}
