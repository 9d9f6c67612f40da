import type { Metadata } from "next";
import Link from "next/link";
import { devOutboxEnabled } from "@/lib/mail/send";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">Check your email</h1>
      <p>
        If that address has a Roundtable account, we have sent it a sign-in link. The link works
        once and expires in 15 minutes.
      </p>
      {devOutboxEnabled() && (
        <p>
          This is a development copy with no mail server: the message is in the{" "}
          <Link href="/dev/outbox">development outbox</Link>.
        </p>
      )}
      <p>
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </div>
  );
}
