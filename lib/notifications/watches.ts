import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { loadAuthorized } from "@/lib/communities/load";
import { getDb } from "@/lib/db/client";
import { selectJson } from "@/lib/db/json-rows";
import {
  communities,
  communityWatches,
  deliveries,
  digestSettings,
  emailPreferences,
  memberships,
  watchLevels,
  type Delivery,
  type NotificationKind,
  type WatchLevel,
} from "@/lib/db/schema";
import { activeMembership, assertActiveViewer, readableCommunityIds, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { emailableKinds, kinds } from "./kinds";

// What a member chooses to hear: per community (watching every post, normal, or muted; in the
// digest or not; emails or not) and per kind of notification (straight away, in the digest,
// or never by email).

export const watchLabels: Record<WatchLevel, { label: string; hint: string }> = {
  watching: { label: "Every new post", hint: "Be told of every new post, as well as replies to you and mentions." },
  normal: { label: "Replies and mentions", hint: "Be told when someone replies to you or mentions you. New posts come in your digest." },
  muted: { label: "Muted", hint: "Only what is addressed to you: replies to you, mentions and facilitators' decisions." },
};

export type CommunityWatch = { level: WatchLevel; inDigest: boolean; emails: boolean };
const DEFAULT_WATCH: CommunityWatch = { level: "normal", inDigest: true, emails: true };

/** The member's choice for one community, or the defaults. */
export async function getCommunityWatch(viewer: Viewer, communityId: string): Promise<CommunityWatch> {
  return toCommunityWatch(await selectJson(await getDb(), communityWatchColumn(viewer, communityId)));
}

/** The member's choice for one community as a column of another statement (the community page's): null for the defaults. */
export function communityWatchColumn(viewer: Viewer, communityId: string) {
  return sql<CommunityWatch | null>`(select json_build_object('level', ${communityWatches.level}, 'inDigest', ${communityWatches.inDigest},
      'emails', ${communityWatches.emails}) from ${communityWatches}
    where ${and(eq(communityWatches.userId, viewer.id), eq(communityWatches.communityId, communityId))})`;
}

export function toCommunityWatch(json: CommunityWatch | null): CommunityWatch {
  return json ?? DEFAULT_WATCH;
}

const checkbox = z.union([z.literal("on"), z.literal("true"), z.literal(true)]).optional().transform((v) => v !== undefined);
const watchSchema = z.object({
  level: z.enum(watchLevels, { error: "Choose what to be told about." }),
  /** Forms send a checkbox only when ticked; `digestShown` says the box was on the form. */
  inDigest: checkbox,
  emails: z.union([z.literal("on"), z.literal("true"), z.literal(true)]).optional(),
  digestShown: z.string().optional(),
});

/** Sets how closely the member follows a community. Only someone who may read it can. */
export async function setCommunityWatch(viewer: Viewer, slug: string, input: unknown) {
  const data = parseInput(watchSchema, input);
  const db = await getDb();
  const { community } = await loadAuthorized(db, viewer, { slug }, "community.read");
  const current = await getCommunityWatch(viewer, community.id);
  const next: CommunityWatch = {
    level: data.level,
    inDigest: data.digestShown ? data.inDigest : current.inDigest,
    emails: data.digestShown ? data.emails !== undefined : current.emails,
  };
  await db
    .insert(communityWatches)
    .values({ userId: viewer.id, communityId: community.id, ...next })
    .onConflictDoUpdate({ target: [communityWatches.userId, communityWatches.communityId], set: { ...next, updatedAt: new Date() } });
  return { slug: community.slug, ...next };
}

/** The member's email settings: how each kind is sent, how often the digest comes, and their communities. */
export async function getNotificationSettings(viewer: Viewer) {
  assertActiveViewer(viewer);
  const db = await getDb();
  const [chosen, digest, mine] = await Promise.all([
    db.select({ kind: emailPreferences.kind, delivery: emailPreferences.delivery }).from(emailPreferences).where(eq(emailPreferences.userId, viewer.id)),
    db.select({ frequency: digestSettings.frequency, nextDigestAt: digestSettings.nextDigestAt }).from(digestSettings).where(eq(digestSettings.userId, viewer.id)),
    db
      .select({
        slug: communities.slug,
        name: communities.name,
        level: sql<WatchLevel>`coalesce(${communityWatches.level}, 'normal')`,
        inDigest: sql<boolean>`coalesce(${communityWatches.inDigest}, true)`,
        emails: sql<boolean>`coalesce(${communityWatches.emails}, true)`,
      })
      .from(memberships)
      .innerJoin(communities, eq(communities.id, memberships.communityId))
      .leftJoin(communityWatches, and(eq(communityWatches.userId, memberships.userId), eq(communityWatches.communityId, memberships.communityId)))
      .where(and(activeMembership({ userId: viewer.id }), sql`${communities.id} in ${readableCommunityIds(viewer)}`))
      .orderBy(asc(sql`lower(${communities.name})`))
      .limit(200),
  ]);
  const byKind = new Map(chosen.map((c) => [c.kind, c.delivery]));
  return {
    kinds: emailableKinds.map((k) => ({ kind: k, label: kinds[k].label, forFacilitators: kinds[k].forFacilitators, delivery: byKind.get(k) ?? kinds[k].defaultDelivery })),
    digest: digest[0] ?? { frequency: "off" as const, nextDigestAt: null },
    communities: mine,
  };
}

const deliverySchema = z.object(
  Object.fromEntries(emailableKinds.map((k) => [k, z.enum(deliveries).optional()])) as Record<NotificationKind, z.ZodOptional<z.ZodEnum<Record<Delivery, Delivery>>>>,
);

/** Saves how each kind is emailed; kinds not in the input keep their setting. */
export async function setEmailPreferences(viewer: Viewer, input: unknown) {
  assertActiveViewer(viewer);
  const data = parseInput(deliverySchema, input);
  const rows = Object.entries(data)
    .filter((entry): entry is [NotificationKind, Delivery] => entry[1] !== undefined)
    .map(([kind, delivery]) => ({ userId: viewer.id, kind, delivery }));
  if (rows.length === 0) return { saved: 0 };
  const db = await getDb();
  await db
    .insert(emailPreferences)
    .values(rows)
    .onConflictDoUpdate({ target: [emailPreferences.userId, emailPreferences.kind], set: { delivery: sql`excluded.delivery` } });
  return { saved: rows.length };
}
