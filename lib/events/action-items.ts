import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { eventActions, users } from "@/lib/db/schema";
import { badRequest, notFound } from "@/lib/errors";
import { authorize, can, type EventActionTarget, type Viewer } from "@/lib/policy";
import { loadAccount } from "@/lib/users/account";
import { isUuid, parseInput } from "@/lib/validation";
import { eventPath, loadAuthorizedEvent, loadEvent, type LoadedEvent } from "./load";
import { actionInputSchema, isoDate, reassignSchema } from "./validation";

// The actions agreed at a meeting, kept with its notes: what, who and by when. Whoever the
// action is for ticks it off; the organiser and the facilitators give it to someone else.

const NOT_A_MEMBER = "Choose a member of this community.";

/** Someone may own an action here only if they are a member who can read the event. */
async function checkOwner(db: Db, eventId: string, ownerId: string) {
  const owner = await loadAccount(ownerId, db);
  const asOwner = owner && (await loadEvent(db, owner, eventId));
  if (!owner || !asOwner || !can(owner, "event.seeDetails", asOwner.target)) throw badRequest("Please check the highlighted fields.", { ownerId: [NOT_A_MEMBER] });
}

/** Adds an action to an event's notes. The same submit twice adds one. */
export async function addEventAction(viewer: Viewer, eventId: string, input: unknown) {
  const data = parseInput(actionInputSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { event, community } = await loadAuthorizedEvent(tx, viewer, eventId, "event.write");
    await checkOwner(tx, event.id, data.ownerId);
    const [created] = await tx
      .insert(eventActions)
      .values({
        eventId: event.id,
        description: data.description,
        ownerId: data.ownerId,
        dueOn: data.dueOn ? isoDate(data.dueOn) : null,
        createdById: viewer.id,
        idempotencyKey: data.idempotencyKey,
      })
      .onConflictDoNothing({ target: [eventActions.createdById, eventActions.idempotencyKey] })
      .returning({ id: eventActions.id });
    return { actionId: created?.id ?? null, slug: community.slug, path: eventPath(community.slug, event.id) };
  });
}

/** Loads one action with its event, and checks what the viewer wants to do with it. */
async function loadAuthorizedAction(db: Db, viewer: Viewer, actionId: string, what: "action.tick" | "action.reassign") {
  if (!isUuid(actionId)) throw notFound();
  const [action] = await db.select().from(eventActions).where(eq(eventActions.id, actionId));
  if (!action) throw notFound();
  const loaded: LoadedEvent | null = await loadEvent(db, viewer, action.eventId);
  if (!loaded) throw notFound();
  const target: EventActionTarget = { ...loaded.target, action: { ownerId: action.ownerId } };
  authorize(viewer, what, target);
  return { ...loaded, action };
}

/** Its owner ticks an action off, or back on. */
export async function setEventActionDone(viewer: Viewer, actionId: string, done: boolean) {
  const db = await getDb();
  const { action, community } = await loadAuthorizedAction(db, viewer, actionId, "action.tick");
  await db
    .update(eventActions)
    .set({ doneAt: done ? sql`coalesce(${eventActions.doneAt}, now())` : null })
    .where(eq(eventActions.id, action.id));
  return { actionId: action.id, slug: community.slug, path: eventPath(community.slug, action.eventId), done };
}

/** The organiser or a facilitator gives an action to another member. */
export async function reassignEventAction(viewer: Viewer, actionId: string, input: unknown) {
  const { ownerId } = parseInput(reassignSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { action, community } = await loadAuthorizedAction(tx, viewer, actionId, "action.reassign");
    await checkOwner(tx, action.eventId, ownerId);
    await tx.update(eventActions).set({ ownerId }).where(eq(eventActions.id, action.id));
    return { actionId: action.id, slug: community.slug, path: eventPath(community.slug, action.eventId) };
  });
}

/** An event's actions, oldest first, with who owns each. */
export async function listEventActions(db: Db, eventId: string) {
  return db
    .select({
      id: eventActions.id,
      description: eventActions.description,
      ownerId: eventActions.ownerId,
      ownerName: users.name,
      dueOn: eventActions.dueOn,
      doneAt: eventActions.doneAt,
    })
    .from(eventActions)
    .leftJoin(users, eq(users.id, eventActions.ownerId))
    .where(and(eq(eventActions.eventId, eventId)))
    .orderBy(asc(eventActions.createdAt), asc(eventActions.id))
    .limit(200);
}
