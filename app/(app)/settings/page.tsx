import type { Metadata } from "next";
import Link from "next/link";
import { updateProfileAction } from "@/app/_actions/profile";
import { ActionForm, TextField } from "@/app/_components/form";
import { requireViewer } from "@/lib/auth/request-viewer";
import { getOwnProfile } from "@/lib/users/profile";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage() {
  const viewer = await requireViewer("/settings");
  const profile = await getOwnProfile(viewer);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">Your profile</h1>
      <p>
        Members of your communities see your name, job title and organisation. Your email address
        ({profile.email}) is never shown to other members.
      </p>
      <p>
        <Link href={`/people/${viewer.id}`}>See your profile as others do</Link> · <Link href="/reports">Your reports</Link> ·{" "}
        <Link href="/settings/notifications">Notifications and email</Link>
      </p>
      <ActionForm action={updateProfileAction} submitLabel="Save profile">
        <TextField name="name" label="Full name" autoComplete="name" defaultValue={profile.name} />
        <TextField name="jobTitle" label="Job title" autoComplete="organization-title" defaultValue={profile.jobTitle} />
        <TextField name="organisation" label="Organisation" autoComplete="organization" defaultValue={profile.organisation} />
        <TextField name="bio" label="A short bio" multiline rows={4} defaultValue={profile.bio} hint="What you work on, and what you can help others with." />
      </ActionForm>
    </div>
  );
}
