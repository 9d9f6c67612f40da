import type { Metadata } from "next";
import Link from "next/link";
import { requestDeletionAction } from "@/app/_actions/account";
import { formatDate } from "@/app/_components/community";
import { ActionForm, RadioGroup, TextField } from "@/app/_components/form";
import { requireViewer } from "@/lib/auth/request-viewer";
import { deletionPreview } from "@/lib/users/deletion";

export const metadata: Metadata = { title: "Delete your account" };

export default async function DeleteAccountPage() {
  const viewer = await requireViewer("/settings/delete");
  const preview = await deletionPreview(viewer);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">Delete your account</h1>
      {preview.scheduled && (
        <p role="status" className="border-l-4 border-brand pl-3">
          Your account is due to be deleted on {formatDate(preview.scheduled.dueAt)}. Signing in cancelled that; ask again below
          if you still want it.
        </p>
      )}
      <p>
        We delete your account {preview.graceDays} days after you ask, and sign you out everywhere now. If you sign in before
        then, nothing is deleted. Our <Link href="/privacy">privacy notice</Link> says what is removed.
      </p>
      {preview.soleOwnerOf.length > 0 ? (
        <div className="space-y-2">
          <p>You are the only owner of these communities, which have other members. Make someone else an owner first:</p>
          <ul className="list-disc pl-6">
            {preview.soleOwnerOf.map((c) => (
              <li key={c.slug}>
                <Link href={`/c/${c.slug}/members`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <ActionForm action={requestDeletionAction} submitLabel="Delete my account" kind="danger">
          <RadioGroup
            name="content"
            legend="What should happen to your posts and replies?"
            options={[
              { value: "keep", label: "Keep them", hint: "They stay where they are, shown as written by “a former member”." },
              { value: "remove", label: "Remove them", hint: "They are deleted, with the replies other people made to your posts." },
            ]}
          />
          {preview.hasPassword && <TextField name="password" label="Your password" type="password" autoComplete="current-password" />}
          <div className="flex items-start gap-2">
            <input id="field-confirm" type="checkbox" name="confirm" value="yes" className="mt-1.5 h-5 w-5 accent-brand" />
            <label htmlFor="field-confirm">I understand that my account will be deleted in {preview.graceDays} days.</label>
          </div>
        </ActionForm>
      )}
      <p>
        <Link href="/settings">Back to your account</Link>
      </p>
    </div>
  );
}
