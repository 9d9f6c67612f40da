import { randomUUID } from "node:crypto";
import type { FormAction } from "@/lib/http/form-action";
import { CAPACITY_MAX } from "@/lib/events/validation";
import { DEFAULT_TIME_ZONE, timeZones } from "@/lib/events/time";
import { RichTextField } from "./editor/rich-text-field";
import { ActionForm, RadioGroup, TextField } from "./form";
import { SelectField } from "./select-field";

export type EventFormValues = {
  title?: string;
  body?: string;
  format?: string;
  place?: string;
  joiningUrl?: string;
  date?: string;
  startTime?: string;
  endTime?: string;
  endDate?: string;
  timeZone?: string;
  capacity?: string;
};

const zoneOptions = timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));

/** The form for a new or changed event: what, how people meet, where, when, and how many places. */
export function EventForm({ action, submitLabel, hidden, values, mentionSlug }: { action: FormAction; submitLabel: string; hidden: Record<string, string>; values: EventFormValues; mentionSlug: string }) {
  return (
    <ActionForm action={action} submitLabel={submitLabel}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* A new key per render of the form: a double click or a retry makes one event. */}
      <input type="hidden" name="idempotencyKey" value={randomUUID()} />
      <TextField name="title" label="Title" defaultValue={values.title} hint="For example: Spring meeting of the network." />
      <RichTextField name="body" label="What it is about" defaultValue={values.body} mentionSlug={mentionSlug} rows={6} />
      <RadioGroup
        name="format"
        legend="How do people take part?"
        defaultValue={values.format ?? "in_person"}
        options={[
          { value: "in_person", label: "In person" },
          { value: "online", label: "Online" },
          { value: "hybrid", label: "In person and online" },
        ]}
      />
      <TextField name="place" label="Where people meet (if in person)" defaultValue={values.place} hint="Only members of this community see it." />
      <TextField name="joiningUrl" label="Joining link (if online)" type="url" defaultValue={values.joiningUrl} hint="The full address, starting with https://. Only members of this community see it." />
      <TextField name="date" label="Date" defaultValue={values.date} width="max-w-48" hint="Day/month/year, for example 26/3/2026." />
      <TextField name="startTime" label="Start time" defaultValue={values.startTime} width="max-w-32" hint="On the 24-hour clock, for example 10:00 or 14:30." />
      <TextField name="endTime" label="End time" defaultValue={values.endTime} width="max-w-32" />
      <TextField name="endDate" label="End date (only if it ends on another day)" defaultValue={values.endDate} width="max-w-48" />
      <SelectField name="timeZone" label="Time zone of these times" options={zoneOptions} defaultValue={values.timeZone ?? DEFAULT_TIME_ZONE} hint="Members see the times in their own time zone." />
      <TextField name="capacity" label="Number of places (optional)" defaultValue={values.capacity} width="max-w-32" hint={`Leave empty for no limit. When the places are taken, others join a waiting list. At most ${CAPACITY_MAX.toLocaleString("en-GB")}.`} />
    </ActionForm>
  );
}
