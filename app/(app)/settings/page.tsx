import type { Metadata } from "next";
import Link from "next/link";
import { PhotoForm, ProfileForm } from "@/app/_components/profile-form";
import { currentSessionId, requireViewer } from "@/lib/auth/request-viewer";
import { calendarFeedStatus } from "@/lib/events/calendar";
import { deletionGraceDays } from "@/lib/users/deletion";
import { hasPassword } from "@/lib/users/password-change";
import { organisationSuggestions } from "@/lib/people/organisations";
import { getProfileSettings } from "@/lib/people/profile";
import { readerTimeZone } from "@/lib/users/profile";
import { listDevices } from "@/lib/users/sessions";
import { DeleteSection, DevicesSection, EmailSection, PasswordSection } from "./account-sections";
import { CalendarFeedSection, TimeZoneSection } from "./event-sections";
import { NewsFeedsSection } from "./news-feeds-section";
import { newsFeedAddresses } from "@/lib/feeds/key";
import { siteOrigin } from "@/lib/http/site-url";
import { LiveRegion } from "@/app/_components/live-region";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: PageProps<"/settings">) {
  const viewer = await requireViewer("/settings");
  const { email: emailChanged, signedOut, feed: feedNotice } = await searchParams;
  const [profile, devices, withPassword, timeZone, feed, organisations, newsFeeds] = await Promise.all([
    getProfileSettings(viewer),
    listDevices(viewer, await currentSessionId()),
    hasPassword(viewer),
    readerTimeZone(viewer),
    calendarFeedStatus(viewer),
    organisationSuggestions(viewer),
    newsFeedAddresses(viewer, siteOrigin()),
  ]);
  return (
    <div className="space-y-12">
      <div className="max-w-2xl space-y-6">
        <h1 className="text-3xl font-bold">Your account</h1>
        <LiveRegion role="status" className="font-semibold text-success">
          {emailChanged === "changed" && "Your email address is changed."}
        </LiveRegion>
        <section aria-labelledby="profile-heading" className="space-y-4">
          <h2 id="profile-heading" className="text-2xl font-bold">
            Your profile
          </h2>
          <p>
            You choose who sees each part of your profile: everyone signed in, members of your communities, or only you. Your email address is never
            shown to other members.
          </p>
          <p>
            <Link href={`/people/${viewer.id}`}>See your profile as others do</Link> · <Link href="/reports">Your reports</Link> ·{" "}
            <Link href="/settings/notifications">Notifications and email</Link> · <Link href="/settings/export">Download your data</Link>
          </p>
          <ProfileForm settings={profile} organisations={organisations} />
          <h3 className="text-xl font-bold">Your photo</h3>
          <PhotoForm userId={viewer.id} name={profile.name} hasPhoto={profile.hasPhoto} />
        </section>
      </div>
      <TimeZoneSection timeZone={timeZone} />
      <CalendarFeedSection feed={feed} turnedOff={feedNotice === "off"} />
      <NewsFeedsSection feeds={newsFeeds} />
      <EmailSection viewer={viewer} email={profile.email} hasPassword={withPassword} />
      <PasswordSection hasPassword={withPassword} />
      <DevicesSection devices={devices} signedOut={typeof signedOut === "string" && /^\d{1,3}$/.test(signedOut) ? Number(signedOut) : null} />
      <DeleteSection graceDays={deletionGraceDays()} />
    </div>
  );
}
