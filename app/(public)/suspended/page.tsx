import type { Metadata } from "next";
import { signOutAction } from "@/app/_actions/auth";
import { buttonClass } from "@/app/_components/button-styles";

export const metadata: Metadata = { title: "Account suspended" };

export default function SuspendedPage() {
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">Your account is suspended</h1>
      <p>
        A site administrator has suspended this account, so it cannot read or take part in any
        community. If you think this is a mistake, contact the team that runs Roundtable for your
        organisation.
      </p>
      <form action={signOutAction}>
        <button type="submit" className={buttonClass("secondary")}>
          Sign out
        </button>
      </form>
    </div>
  );
}
