import { randomBytes } from "node:crypto";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { communities, memberships, type Visibility } from "@/lib/db/schema";
import { badRequest, conflict } from "@/lib/errors";
import { allowedVisibilities, assertActiveViewer, listedCommunities, type Viewer } from "@/lib/policy";
import { enforce } from "@/lib/rate-limit";
import { limitsFor } from "@/lib/rate-limit/rules";
import { parseInput } from "@/lib/validation";
import { loadAuthorized } from "./load";
import { communityFieldsSchema, createCommunitySchema, RESERVED_SLUGS, slugify } from "./validation";

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
    if (RESERVED_SLUGS.has(slugBase)) {
      throw badRequest(CHECK_FIELDS, {
        name: [`“${data.name}” cannot be used as a name because the site uses that address. Choose another name.`],
      });
    }
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
  // A taken slug gets a random suffix, not a counter, so it says nothing about how many exist.
  for (let attempt = 0; attempt < 8; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomBytes(3).toString("hex")}`;
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
 * Changes a community's name, purpose and visibility. Making it more closed makes every
 * sub-community at least as closed, in the same transaction.
 */
export async function updateCommunity(viewer: Viewer, slug: string, input: unknown) {
  const data = parseInput(communityFieldsSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { community, target } = await loadAuthorized(tx, viewer, { slug }, "community.edit", { lock: true });
    checkOpenness(data.visibility, target.chain.at(-2) ?? null);
    await checkNameFree(tx, viewer, data.name, community.parentId, community.id);
    await tx
      .update(communities)
      .set({ name: data.name, purpose: data.purpose, visibility: data.visibility })
      .where(eq(communities.id, community.id));
    if (data.visibility !== community.visibility) {
      // Closing it closes every sub-community at least as far; opening it leaves them be.
      await tx
        .update(communities)
        .set({ visibility: data.visibility })
        .where(
          and(
            sql`${community.id} = any(${communities.ancestorIds})`,
            sql`${communities.visibility} < ${data.visibility}`,
          ),
        );
    }
    return { slug: community.slug };
  });
}

/** Archives a community (read-only, marked as such) or brings it back. */
export async function setArchived(viewer: Viewer, slug: string, archived: boolean) {
  const db = await getDb();
  const { community } = await loadAuthorized(db, viewer, { slug }, "community.archive");
  await db
    .update(communities)
    .set({ archivedAt: archived ? new Date() : null })
    .where(eq(communities.id, community.id));
  return { slug: community.slug };
}
