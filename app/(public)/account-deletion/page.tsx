import type { Metadata } from "next";
import Link from "next/link";
import { deletionGraceDays } from "@/lib/users/deletion";

export const metadata: Metadata = { title: "Your account will be deleted" };

export default function AccountDeletionPage() {
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">Your account will be deleted</h1>
      <p>
        We have signed you out everywhere. Your account will be deleted in {deletionGraceDays()} days, and we have emailed you
        the date.
      </p>
      <p>
        Changed your mind? <Link href="/sign-in">Sign in</Link> before then and nothing will be deleted.
      </p>
    </div>
  );
}
