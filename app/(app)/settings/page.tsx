import type { Metadata } from "next";
import Link from "next/link";
import { updateProfileAction } from "@/app/_actions/profile";
import { ActionForm, TextField } from "@/app/_components/form";
import { currentSessionId, requireViewer } from "@/lib/auth/request-viewer";
import { calendarFeedStatus } from "@/lib/events/calendar";
import { deletionGraceDays } from "@/lib/users/deletion";
import { hasPassword } from "@/lib/users/password-change";
import { getOwnProfile, readerTimeZone } from "@/lib/users/profile";
import { listDevices } from "@/lib/users/sessions";
import { DeleteSection, DevicesSection, EmailSection, PasswordSection } from "./account-sections";
import { CalendarFeedSection, TimeZoneSection } from "./event-sections";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: PageProps<"/settings">) {
  const viewer = await requireViewer("/settings");
  const { email: emailChanged, signedOut, feed: feedNotice } = await searchParams;
  const [profile, devices, withPassword, timeZone, feed] = await Promise.all([
    getOwnProfile(viewer),
    listDevices(viewer, await currentSessionId()),
    hasPassword(viewer),
    readerTimeZone(viewer),
    calendarFeedStatus(viewer),
  ]);
  return (
    <div className="space-y-12">
      <div className="max-w-2xl space-y-6">
        <h1 className="text-3xl font-bold">Your account</h1>
        {emailChanged === "changed" && (
          <p role="status" className="font-semibold text-success">
            Your email address is changed.
          </p>
        )}
        <section aria-labelledby="profile-heading" className="space-y-4">
          <h2 id="profile-heading" className="text-2xl font-bold">
            Your profile
          </h2>
          <p>Members of your communities see your name, job title and organisation. Your email address is never shown to other members.</p>
          <p>
            <Link href={`/people/${viewer.id}`}>See your profile as others do</Link> · <Link href="/reports">Your reports</Link> ·{" "}
              <Link href="/settings/notifications">Notifications and email</Link>
          </p>
          <ActionForm action={updateProfileAction} submitLabel="Save profile" idPrefix="profile">
            <TextField name="name" label="Full name" autoComplete="name" defaultValue={profile.name} />
            <TextField name="jobTitle" label="Job title" autoComplete="organization-title" defaultValue={profile.jobTitle} />
            <TextField name="organisation" label="Organisation" autoComplete="organization" defaultValue={profile.organisation} />
            <TextField name="bio" label="A short bio" multiline rows={4} defaultValue={profile.bio} hint="What you work on, and what you can help others with." />
          </ActionForm>
        </section>
      </div>
      <TimeZoneSection timeZone={timeZone} />
      <CalendarFeedSection feed={feed} turnedOff={feedNotice === "off"} />
      <EmailSection viewer={viewer} email={profile.email} hasPassword={withPassword} />
      <PasswordSection hasPassword={withPassword} />
      <DevicesSection devices={devices} signedOut={typeof signedOut === "string" && /^\d{1,3}$/.test(signedOut) ? Number(signedOut) : null} />
      <DeleteSection graceDays={deletionGraceDays()} />
    </div>
  );
}
