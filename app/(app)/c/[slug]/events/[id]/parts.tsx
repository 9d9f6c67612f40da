import { randomUUID } from "node:crypto";
import Link from "next/link";
import { addEventActionAction, reassignEventActionAction, rsvpAction, tickEventActionAction } from "@/app/_actions/events";
import { ActionButton, ActionForm, RadioGroup, TextField } from "@/app/_components/form";
import { formatDay } from "@/app/_components/event-list";
import { SelectField } from "@/app/_components/select-field";
import type { getEventPage } from "@/lib/events/page";

// The parts of an event's page: the viewer's answer, who is going, and the actions agreed.

type Page = Awaited<ReturnType<typeof getEventPage>>;

const answerText = {
  going: "You are going.",
  waiting: "You are on the waiting list.",
  maybe: "You might go.",
  not_going: "You are not going.",
} as const;

export function Answer({ page }: { page: Page }) {
  const { myAnswer, allowed, event } = page;
  return (
    <section aria-labelledby="answer-heading" className="space-y-3 bg-panel p-4" id="answer">
      <h2 id="answer-heading" className="text-xl font-bold">
        Are you going?
      </h2>
      {myAnswer && (
        <p className="font-semibold">
          {answerText[myAnswer.response]}
          {myAnswer.response === "waiting" && ` ${myAnswer.waitingAhead === 0 ? "You are next in line." : `${myAnswer.waitingAhead} ${myAnswer.waitingAhead === 1 ? "person is" : "people are"} ahead of you.`}`}
          {myAnswer.promoted && myAnswer.response === "going" && " A place came free and it is yours."}
        </p>
      )}
      {allowed.rsvp ? (
        <ActionForm action={rsvpAction} submitLabel="Send my answer" idPrefix="answer">
          <input type="hidden" name="eventId" value={event.id} />
          <RadioGroup
            name="response"
            legend="Your answer"
            defaultValue={myAnswer?.response === "waiting" ? "going" : myAnswer?.response}
            options={[
              {
                value: "going",
                label: "Going",
                hint: event.capacity !== null && event.goingCount >= event.capacity && myAnswer?.response !== "going" ? "All places are taken: you will join the waiting list." : undefined,
              },
              { value: "maybe", label: "Maybe" },
              { value: "not_going", label: "Not going" },
            ]}
          />
          <TextField name="note" label="A note to the organisers (optional)" multiline rows={2} defaultValue={myAnswer?.note} hint="For example, access needs, or that you will arrive late. Only the organisers see it." />
        </ActionForm>
      ) : (
        <p>{page.refusals.rsvp}</p>
      )}
    </section>
  );
}

export function Attendees({ page }: { page: Page }) {
  const going = page.attendees.filter((a) => a.response === "going");
  const waiting = page.attendees.filter((a) => a.response === "waiting");
  const maybe = page.attendees.filter((a) => a.response === "maybe");
  const person = (a: Page["attendees"][number]) => (
    <li key={a.userId}>
      <Link href={`/people/${a.userId}`}>{a.name}</Link>
      {a.note && <span className="block text-sm text-muted">Note: {a.note}</span>}
    </li>
  );
  return (
    <section aria-labelledby="attendees-heading" className="space-y-3">
      <h2 id="attendees-heading" className="text-xl font-bold">
        Who is going
      </h2>
      {going.length === 0 ? <p className="text-muted">Nobody has said they are going yet.</p> : <ul className="space-y-1">{going.map(person)}</ul>}
      {waiting.length > 0 && (
        <>
          <h3 className="font-bold">Waiting list, in order</h3>
          <ol className="list-decimal space-y-1 pl-6">{waiting.map(person)}</ol>
        </>
      )}
      {maybe.length > 0 && (
        <>
          <h3 className="font-bold">Might go</h3>
          <ul className="space-y-1">{maybe.map(person)}</ul>
        </>
      )}
    </section>
  );
}


export function Actions({ page }: { page: Page }) {
  const { allowed, event } = page;
  const members = page.members.map((m) => ({ value: m.id, label: m.name }));
  return (
    <section aria-labelledby="actions-heading" id="actions" className="space-y-3">
      <h2 id="actions-heading" className="text-xl font-bold">
        Actions agreed
      </h2>
      {page.actions.length === 0 && <p className="text-muted">No actions yet.</p>}
      <ul className="space-y-3">
        {page.actions.map((action) => (
          <li key={action.id} className="space-y-2 border-l-4 border-line pl-3">
            <p>
              <span className={action.doneAt ? "line-through" : "font-semibold"}>{action.description}</span>
              <span className="block text-sm text-muted">
                {action.ownerName ? `For ${action.ownerName}${action.mine ? " (you)" : ""}` : "For a former member"}
                {action.dueOn && ` · due ${formatDay(action.dueOn)}`}
                {action.doneAt ? " · done" : " · open"}
              </span>
            </p>
            <div className="flex flex-wrap items-end gap-3">
              {action.allowed.tick && (
                <ActionButton
                  action={tickEventActionAction}
                  label={action.doneAt ? `Mark “${action.description}” as not done` : `Mark “${action.description}” as done`}
                  kind="secondary"
                  fields={{ actionId: action.id, done: action.doneAt ? "false" : "true" }}
                />
              )}
              {action.allowed.reassign && members.length > 0 && (
                <ActionForm action={reassignEventActionAction} submitLabel="Give to this member" kind="secondary" summary={false} className="flex flex-wrap items-end gap-2" idPrefix={`reassign-${action.id}`}>
                  <input type="hidden" name="actionId" value={action.id} />
                  <SelectField name="ownerId" label={`Who does “${action.description}”`} options={members} defaultValue={action.ownerId ?? undefined} />
                </ActionForm>
              )}
            </div>
          </li>
        ))}
      </ul>
      {allowed.write && (
        <details className="max-w-2xl">
          <summary className="cursor-pointer font-semibold">Add an action</summary>
          <ActionForm action={addEventActionAction} submitLabel="Add action" idPrefix="new-action" className="mt-3 space-y-4">
            <input type="hidden" name="eventId" value={event.id} />
            <input type="hidden" name="idempotencyKey" value={randomUUID()} />
            <TextField name="description" label="What needs doing" />
            <SelectField name="ownerId" label="Who will do it" options={[{ value: "", label: "Choose a member" }, ...members]} />
            <TextField name="dueOn" label="Due by (optional)" width="max-w-48" hint="Day/month/year, for example 30/4/2026." />
          </ActionForm>
        </details>
      )}
    </section>
  );
}
