"use server";

import { revalidatePath } from "next/cache";
import { addEventAction, reassignEventAction, setEventActionDone } from "@/lib/events/action-items";
import { resetCalendarFeed, stopCalendarFeed } from "@/lib/events/calendar";
import { saveEventDocument } from "@/lib/events/documents";
import { cancelEvent, createEvent, editEvent } from "@/lib/events/mutations";
import { respondToEvent } from "@/lib/events/rsvp";
import { signedInFormAction } from "@/lib/http/form-action";
import { siteOrigin } from "@/lib/http/site-url";
import { updateTimeZone } from "@/lib/users/profile";

// Thin wrappers: the wrapper proves the viewer; each domain call checks the policy itself.

export const createEventAction = signedInFormAction(async (viewer, values) => {
  const { path, slug } = await createEvent(viewer, values.slug ?? "", values);
  revalidatePath(`/c/${slug}`, "layout");
  return { redirectTo: path };
});

export const editEventAction = signedInFormAction(async (viewer, values) => {
  const { path, slug } = await editEvent(viewer, values.eventId ?? "", values);
  revalidatePath(`/c/${slug}`, "layout");
  return { redirectTo: path };
});

export const cancelEventAction = signedInFormAction(async (viewer, values) => {
  const { path, slug } = await cancelEvent(viewer, values.eventId ?? "", values);
  revalidatePath(`/c/${slug}`, "layout");
  return { redirectTo: path };
});

const answered = { going: "You are going.", waiting: "There are no places left, so you are on the waiting list.", maybe: "Saved: you might go.", not_going: "Saved: you are not going." };

export const rsvpAction = signedInFormAction(async (viewer, values) => {
  const { slug, response } = await respondToEvent(viewer, values.eventId ?? "", values);
  revalidatePath(`/c/${slug}`, "layout");
  return { message: answered[response] };
});

export const saveEventDocumentAction = signedInFormAction(async (viewer, values) => {
  const { path, document } = await saveEventDocument(viewer, values.eventId ?? "", values);
  revalidatePath(path);
  return { redirectTo: `${path}#${document}` };
});

export const addEventActionAction = signedInFormAction(async (viewer, values) => {
  const { path } = await addEventAction(viewer, values.eventId ?? "", values);
  revalidatePath(path);
  return { redirectTo: `${path}#actions` };
});

export const tickEventActionAction = signedInFormAction(async (viewer, values) => {
  const { path, done } = await setEventActionDone(viewer, values.actionId ?? "", values.done === "true");
  revalidatePath(path);
  return { message: done ? "Marked as done." : "Marked as not done." };
});

export const reassignEventActionAction = signedInFormAction(async (viewer, values) => {
  const { path } = await reassignEventAction(viewer, values.actionId ?? "", values);
  revalidatePath(path);
  return { message: "Action given to someone else." };
});

export const timeZoneAction = signedInFormAction(async (viewer, values) => {
  await updateTimeZone(viewer, values);
  revalidatePath("/", "layout");
  return { message: "Your time zone is saved. Times are shown in it from now on." };
});

export const resetCalendarFeedAction = signedInFormAction(async (viewer) => {
  const { url } = await resetCalendarFeed(viewer, siteOrigin());
  revalidatePath("/settings");
  return { message: `Your calendar feed address is ${url} — copy it into your calendar app now. We show it only this once; any earlier address has stopped working.` };
});

export const stopCalendarFeedAction = signedInFormAction(async (viewer) => {
  await stopCalendarFeed(viewer);
  revalidatePath("/settings");
  // The form goes with the feed, so the page itself says what happened.
  return { redirectTo: "/settings?feed=off#calendar" };
});
