import type { Metadata } from "next";
import Link from "next/link";
import { devOutboxEnabled } from "@/lib/mail/send";

export const metadata: Metadata = { title: "Check your email" };

export default function SignUpCheckEmailPage() {
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">Check your email</h1>
      <p>
        We have sent a message to the address you gave. Open the link in it to confirm your account. The link works once, for
        24 hours.
      </p>
      <p>If nothing arrives within a few minutes, look in your junk mail folder, or try again.</p>
      {devOutboxEnabled() && (
        <p>
          This is a development copy with no mail server: the message is in the <Link href="/dev/outbox">development outbox</Link>.
        </p>
      )}
      <p>
        <Link href="/sign-in">Go to sign in</Link>
      </p>
    </div>
  );
}
