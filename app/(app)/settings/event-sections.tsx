import { resetCalendarFeedAction, stopCalendarFeedAction, timeZoneAction } from "@/app/_actions/events";
import { formatDate } from "@/app/_components/community";
import { ActionForm } from "@/app/_components/form";
import { SelectField } from "@/app/_components/select-field";
import { timeZones } from "@/lib/events/time";
import { LiveRegion } from "@/app/_components/live-region";

// The settings for events: the time zone times are shown in, and the private calendar feed.

export function TimeZoneSection({ timeZone }: { timeZone: string }) {
  return (
    <section aria-labelledby="time-zone-heading" id="time-zone" className="max-w-2xl space-y-3">
      <h2 id="time-zone-heading" className="text-2xl font-bold">
        Your time zone
      </h2>
      <p>Times of events are shown in this time zone, wherever you read them.</p>
      <ActionForm action={timeZoneAction} submitLabel="Save time zone" idPrefix="zone">
        <SelectField name="timeZone" label="Time zone" options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))} defaultValue={timeZone} />
      </ActionForm>
    </section>
  );
}

export function CalendarFeedSection({ feed, turnedOff }: { feed: { active: boolean; createdAt: Date | null }; turnedOff: boolean }) {
  return (
    <section aria-labelledby="calendar-heading" id="calendar" className="max-w-2xl space-y-3">
      <h2 id="calendar-heading" className="text-2xl font-bold">
        Your calendar feed
      </h2>
      <p>
        Add the events of all your communities to Outlook, Google Calendar or another calendar app, and keep them up to date. The feed has a private
        address: anyone who has it can see the events in it, so keep it to yourself, and make a new one if it gets out.
      </p>
      <LiveRegion role="status" className="font-semibold text-success">
        {turnedOff && !feed.active && "Your calendar feed is turned off. Its address no longer works."}
      </LiveRegion>
      <p>{feed.active ? `You made your current address on ${formatDate(feed.createdAt!)}. We do not keep it, so we cannot show it again.` : "You have no calendar feed."}</p>
      <ActionForm action={resetCalendarFeedAction} submitLabel={feed.active ? "Make a new address (the old one stops working)" : "Make my calendar feed address"} kind="secondary" summary={false} idPrefix="feed" />
      {feed.active && <ActionForm action={stopCalendarFeedAction} submitLabel="Turn off my calendar feed" kind="secondary" summary={false} idPrefix="feed-off" />}
    </section>
  );
}
