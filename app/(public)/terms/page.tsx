import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Terms of use" };

export default function TermsPage() {
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold">Terms of use</h1>
      <p>Roundtable is a confidential place for people who work in public services to help each other. By using it you agree to:</p>
      <ul className="list-disc space-y-1 pl-6">
        <li>use your own work email address, and keep your password to yourself;</li>
        <li>keep what is said in a community inside it: do not copy it elsewhere without the writer’s agreement;</li>
        <li>not share personal details of residents, service users or colleagues, or anything your employer would not allow;</li>
        <li>be respectful: no harassment, discrimination or advertising;</li>
        <li>follow what your community’s facilitators ask. They can hide posts, and ban people from their community.</li>
      </ul>
      <p>
        Site administrators can suspend accounts that break these terms. What you write is yours; you let members of the
        community you post in read it, and it stays there after you leave unless you delete it or your account. How we handle your
        data is in our <Link href="/privacy">privacy notice</Link>.
      </p>
    </article>
  );
}
