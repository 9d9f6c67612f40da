import type { Metadata } from "next";
import Link from "next/link";
import { resetCalendarFeedAction, stopCalendarFeedAction, timeZoneAction } from "@/app/_actions/events";
import { formatDate } from "@/app/_components/community";
import { ActionForm } from "@/app/_components/form";
import { ProfileForm } from "@/app/_components/profile-form";
import { SelectField } from "@/app/_components/select-field";
import { calendarFeedStatus } from "@/lib/events/calendar";
import { timeZones } from "@/lib/events/time";
import { requireViewer } from "@/lib/auth/request-viewer";
import { organisationSuggestions } from "@/lib/people/organisations";
import { getProfileSettings } from "@/lib/people/profile";
import { readerTimeZone } from "@/lib/users/profile";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage({ searchParams }: PageProps<"/settings">) {
  const { feed: feedNotice } = await searchParams;
  const viewer = await requireViewer("/settings");
  const [profile, timeZone, feed, organisations] = await Promise.all([getProfileSettings(viewer), readerTimeZone(viewer), calendarFeedStatus(viewer), organisationSuggestions(viewer)]);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">Your profile</h1>
      <p>
        You choose who sees each part of your profile: everyone signed in, members of your communities, or only you. Your email address
        ({profile.email}) is never shown to other members.
      </p>
      <p>
        <Link href={`/people/${viewer.id}`}>See your profile as others do</Link> · <Link href="/reports">Your reports</Link> ·{" "}
        <Link href="/settings/notifications">Notifications and email</Link> · <Link href="/settings/export">Download your data</Link>
      </p>
      <ProfileForm settings={profile} organisations={organisations} />

      <section aria-labelledby="time-zone-heading" id="time-zone" className="space-y-3">
        <h2 id="time-zone-heading" className="text-2xl font-bold">
          Your time zone
        </h2>
        <p>Times of events are shown in this time zone, wherever you read them.</p>
        <ActionForm action={timeZoneAction} submitLabel="Save time zone" idPrefix="zone">
          <SelectField name="timeZone" label="Time zone" options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))} defaultValue={timeZone} />
        </ActionForm>
      </section>

      <section aria-labelledby="calendar-heading" id="calendar" className="space-y-3">
        <h2 id="calendar-heading" className="text-2xl font-bold">
          Your calendar feed
        </h2>
        <p>
          Add the events of all your communities to Outlook, Google Calendar or another calendar app, and keep them up to date. The feed has a private
          address: anyone who has it can see the events in it, so keep it to yourself, and make a new one if it gets out.
        </p>
        {feedNotice === "off" && !feed.active && (
          <p role="status" className="font-semibold text-success">
            Your calendar feed is turned off. Its address no longer works.
          </p>
        )}
        <p>{feed.active ? `You made your current address on ${formatDate(feed.createdAt!)}. We do not keep it, so we cannot show it again.` : "You have no calendar feed."}</p>
        <ActionForm action={resetCalendarFeedAction} submitLabel={feed.active ? "Make a new address (the old one stops working)" : "Make my calendar feed address"} kind="secondary" summary={false} idPrefix="feed" />
        {feed.active && <ActionForm action={stopCalendarFeedAction} submitLabel="Turn off my calendar feed" kind="secondary" summary={false} idPrefix="feed-off" />}
      </section>
    </div>
  );
}
