import { randomBytes } from "node:crypto";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { communities, memberships, type Visibility } from "@/lib/db/schema";
import { z } from "zod";
import { badRequest, conflict } from "@/lib/errors";
import { recordAction } from "@/lib/moderation/audit";
import { allowedVisibilities, assertActiveViewer, authorize, can, listedCommunities, opensUp, type Viewer } from "@/lib/policy";
import { enforce } from "@/lib/rate-limit";
import { limitsFor } from "@/lib/rate-limit/rules";
import { parseInput } from "@/lib/validation";
import { loadAuthorized } from "./load";
import { tellMembersCommunityOpened } from "./tell";
import { communityFieldsSchema, createCommunitySchema, slugify, visibilitySchema } from "./validation";

const CHECK_FIELDS = "Please check the highlighted fields.";

/** Creates a community, or a sub-community under `parentSlug`, with the viewer as its owner. */
export async function createCommunity(viewer: Viewer, input: unknown): Promise<{ slug: string }> {
  assertActiveViewer(viewer);
  const data = parseInput(createCommunitySchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const parent = data.parentSlug ? (await loadAuthorized(tx, viewer, { slug: data.parentSlug }, "community.createSub")).community : null;
    checkOpenness(data.visibility, parent);
    const slugBase = slugify(data.name);
    await checkNameFree(tx, viewer, data.name, parent?.id ?? null);
    await enforce(tx, limitsFor.community(viewer));
    const id = await insertWithFreeSlug(tx, slugBase, {
      name: data.name,
      purpose: data.purpose,
      visibility: data.visibility,
      parentId: parent?.id ?? null,
      ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
      depth: parent ? parent.depth + 1 : 1,
      createdById: viewer.id,
    });
    await tx.insert(memberships).values({
      communityId: id.id,
      userId: viewer.id,
      role: "owner",
      status: "active",
      joinedAt: new Date(),
    });
    return { slug: id.slug };
  });
}

/** A sub-community is never more open than its parent: the policy says which visibilities it may take. */
function checkOpenness(visibility: Visibility, parent: { name: string; visibility: Visibility } | null) {
  const allowed = allowedVisibilities(parent?.visibility ?? null);
  if (parent && !allowed.includes(visibility)) {
    throw badRequest(CHECK_FIELDS, {
      visibility: [
        `A sub-community cannot be more open than “${parent.name}”, which is ${parent.visibility}. Choose ${allowed.join(" or ")}.`,
      ],
    });
  }
}

/**
 * Refuses a name that a community the viewer can see already has in the same place. Names
 * the viewer cannot see are not checked, because refusing them would reveal them.
 */
async function checkNameFree(
  db: Db,
  viewer: Viewer,
  name: string,
  parentId: string | null,
  exceptId?: string,
) {
  const [clash] = await db
    .select({ id: communities.id })
    .from(communities)
    .where(
      and(
        parentId ? eq(communities.parentId, parentId) : isNull(communities.parentId),
        sql`lower(${communities.name}) = lower(${name})`,
        exceptId ? ne(communities.id, exceptId) : undefined,
        listedCommunities(viewer),
      ),
    )
    .limit(1);
  if (clash) {
    throw conflict(CHECK_FIELDS, {
      name: [`There is already a community called “${name}” here. Choose another name.`],
    });
  }
}

async function insertWithFreeSlug(
  db: Db,
  base: string,
  values: Omit<typeof communities.$inferInsert, "slug">,
): Promise<{ id: string; slug: string }> {
  // Every new address ends in a random suffix, whether or not the plain one is taken: a suffix
  // only when taken would say that a community the creator cannot see has that name.
  for (let attempt = 0; attempt < 8; attempt++) {
    const slug = `${base}-${randomBytes(3).toString("hex")}`;
    const [row] = await db
      .insert(communities)
      .values({ ...values, slug })
      .onConflictDoNothing({ target: communities.slug })
      .returning({ id: communities.id, slug: communities.slug });
    if (row) return row;
  }
  throw conflict("We could not find a free web address for that name. Try another name.");
}

/**
 * Changes a community's name and purpose, and its visibility when one is given (see
 * changeVisibility: opening it needs an owner and a confirmation).
 */
export async function updateCommunity(viewer: Viewer, slug: string, input: unknown) {
  const data = parseInput(communityFieldsSchema, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { community } = await loadAuthorized(tx, viewer, { slug }, "community.edit", { lock: true });
    await checkNameFree(tx, viewer, data.name, community.parentId, community.id);
    await tx.update(communities).set({ name: data.name, purpose: data.purpose }).where(eq(communities.id, community.id));
  });
  if (data.visibility) await changeVisibility(viewer, slug, { visibility: data.visibility, confirm: (input as { confirm?: string })?.confirm });
  return { slug };
}

const changeSchema = z.object({ visibility: visibilitySchema, confirm: z.enum(["yes"]).optional().catch(undefined) });

/**
 * Changes who can find and join a community. Closing it closes every sub-community at least
 * as far, in the same transaction; a facilitator may do that. Opening it to more people is
 * for its owners and site admins, and only once confirmed (until then nothing changes and
 * `needsConfirmation` is true); its members are told. Either way it is in the audit log.
 */
export async function changeVisibility(viewer: Viewer, slug: string, input: unknown): Promise<{ slug: string; changed: boolean; needsConfirmation: boolean }> {
  const { visibility, confirm } = parseInput(changeSchema, input);
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const { community, target } = await loadAuthorized(tx, viewer, { slug }, "community.view", { lock: true });
    if (community.visibility === visibility) return { community, opened: false, changed: false, needsConfirmation: false };
    const change = { ...target, newVisibility: visibility };
    if (can(viewer, "community.edit", target)) checkOpenness(visibility, target.chain.at(-2) ?? null);
    authorize(viewer, "community.changeVisibility", change);
    const opened = opensUp(change);
    if (opened && confirm !== "yes") return { community, opened, changed: false, needsConfirmation: true };
    await tx.update(communities).set({ visibility }).where(eq(communities.id, community.id));
    // Closing it closes every sub-community at least as far; opening it leaves them be.
    await tx
      .update(communities)
      .set({ visibility })
      .where(and(sql`${community.id} = any(${communities.ancestorIds})`, sql`${communities.visibility} < ${visibility}`));
    await recordAction(tx, viewer, {
      communityId: community.id,
      action: opened ? "open up" : "close",
      targetType: "community",
      targetId: community.id,
      targetLabel: community.name,
      details: { from: community.visibility, to: visibility },
    });
    return { community, opened, changed: true, needsConfirmation: false };
  });
  const { community } = outcome;
  if (outcome.opened && outcome.changed) await tellMembersCommunityOpened(community, community.visibility, visibility, viewer.name);
  return { slug: community.slug, changed: outcome.changed, needsConfirmation: outcome.needsConfirmation };
}

/** Archives a community (read-only, marked as such) or brings it back, with an audit entry. */
export async function setArchived(viewer: Viewer, slug: string, archived: boolean) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { community } = await loadAuthorized(tx, viewer, { slug }, "community.archive");
    await tx.update(communities).set({ archivedAt: archived ? new Date() : null }).where(eq(communities.id, community.id));
    await recordAction(tx, viewer, { communityId: community.id, action: archived ? "archive" : "bring back", targetType: "community", targetId: community.id, targetLabel: community.name });
    return { slug: community.slug };
  });
}
