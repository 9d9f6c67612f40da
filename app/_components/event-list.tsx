import Link from "next/link";
import type { EventListItem } from "@/lib/events/lists";
import { plural } from "./community";

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
/** A calendar date such as an action's due date ("2026-04-30"), in words. */
export const formatDay = (isoDate: string) => dayFormat.format(new Date(`${isoDate}T00:00:00Z`));

const formatLabel = { in_person: "In person", online: "Online", hybrid: "In person and online" } as const;
const answerLabel = { going: "You are going", waiting: "You are on the waiting list", maybe: "You might go", not_going: "You are not going" } as const;

// Short class names: app/lists.css.
const badgeClass = { plain: "badge", warn: "badge badge-warn", good: "badge badge-good" } as const;

function Badge({ children, tone = "plain" }: { children: React.ReactNode; tone?: "plain" | "warn" | "good" }) {
  return <span className={badgeClass[tone]}>{children}</span>;
}

/** One event in a list: when, how, how full, and the viewer's own answer. Never where. */
export function EventRow({ event, showCommunity = false, headingLevel = 3 }: { event: EventListItem; showCommunity?: boolean; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const places =
    event.capacity === null
      ? plural(event.goingCount, "person going", "people going")
      : `${event.goingCount} of ${plural(event.capacity, "place")} taken${event.waitingCount ? `, ${event.waitingCount} waiting` : ""}`;
  return (
    <article className="border-b border-line py-3">
      <div className="flex flex-wrap items-center gap-2">
        <Badge>{formatLabel[event.format]}</Badge>
        {event.state === "cancelled" && <Badge tone="warn">Cancelled</Badge>}
        {event.state === "happening" && <Badge tone="good">Happening now</Badge>}
        {event.changedSinceAnswered && <Badge tone="warn">Time or place changed since you answered</Badge>}
        {event.promoted && <Badge tone="good">You have a place now</Badge>}
      </div>
      <Heading className="mt-1 text-lg font-bold">
        <Link href={`/c/${event.communitySlug}/events/${event.id}`}>{event.title}</Link>
      </Heading>
      <p className="text-sm">
        <span className="font-semibold">{event.when}</span>
        {showCommunity && (
          <>
            {" in "}
            <Link href={`/c/${event.communitySlug}`}>{event.communityName}</Link>
          </>
        )}
      </p>
      <p className="text-sm text-muted">
        {event.state === "over" ? (event.hasNotes ? "Notes written" : "No notes yet") : places}
        {event.openActions > 0 && ` · ${plural(event.openActions, "open action")}`}
        {event.myResponse && ` · ${answerLabel[event.myResponse]}`}
      </p>
    </article>
  );
}
