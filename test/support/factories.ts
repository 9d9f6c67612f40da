import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import {
  communities,
  memberships,
  users,
  type MembershipRole,
  type MembershipStatus,
  type Visibility,
} from "@/lib/db/schema";
import type { MaybeViewer, Viewer } from "@/lib/policy";
import { viewerColumns } from "@/lib/users/account";

type UserInput = Partial<Pick<Viewer, "name" | "email" | "siteRole" | "status" | "verified">> & {
  jobTitle?: string;
  organisation?: string;
  passwordHash?: string;
};

/** Inserts a person directly (no password unless given; address proven unless `verified: false`) and returns them as a Viewer. */
export async function makeUser(input: UserInput = {}): Promise<Viewer> {
  const db = await getDb();
  const id = randomUUID();
  const [row] = await db
    .insert(users)
    .values({
      id,
      name: input.name ?? `Person ${id.slice(0, 8)}`,
      email: input.email ?? `${id}@council.example`,
      siteRole: input.siteRole ?? "member",
      status: input.status ?? "active",
      jobTitle: input.jobTitle ?? "",
      organisation: input.organisation ?? "",
      emailVerified: input.verified === false ? null : new Date(),
      passwordHash: input.passwordHash ?? null,
    })
    .returning(viewerColumns);
  return row!;
}

/**
 * The actors of a policy matrix, by name: "anonymous" is signed out, "suspended" a suspended
 * account, "admin" a site admin, "unverified" an account whose address is not yet proven;
 * every other name is a plain member of the site.
 */
export async function makeActors<A extends string>(names: readonly A[]): Promise<Map<A, MaybeViewer>> {
  const actors = new Map<A, MaybeViewer>();
  for (const name of names) {
    const special: Record<string, () => Promise<MaybeViewer>> = {
      anonymous: async () => null,
      suspended: () => makeUser({ name, status: "suspended" }),
      admin: () => makeUser({ name, siteRole: "admin" }),
      unverified: () => makeUser({ name, verified: false }),
    };
    actors.set(name, await (special[name] ?? (() => makeUser({ name })))());
  }
  return actors;
}

type CommunityInput = {
  name?: string;
  visibility?: Visibility;
  parent?: { id: string; ancestorIds: string[]; depth: number };
  archived?: boolean;
  memberCount?: number;
};

/** Inserts a community row directly, for fixtures that need exact control. */
export async function makeCommunity(input: CommunityInput = {}) {
  const db = await getDb();
  const id = randomUUID();
  const [row] = await db
    .insert(communities)
    .values({
      id,
      slug: `c-${id.slice(0, 13)}`,
      name: input.name ?? `Community ${id.slice(0, 8)}`,
      visibility: input.visibility ?? "open",
      parentId: input.parent?.id ?? null,
      ancestorIds: input.parent ? [...input.parent.ancestorIds, input.parent.id] : [],
      depth: input.parent ? input.parent.depth + 1 : 1,
      archivedAt: input.archived ? new Date() : null,
      memberCount: input.memberCount ?? 0,
    })
    .returning();
  return row!;
}

/** Inserts a membership row directly. */
export async function addMembership(
  communityId: string,
  userId: string,
  status: MembershipStatus = "active",
  role: MembershipRole = "member",
  extra: { bannedUntil?: Date | null; inviteExpiresAt?: Date | null } = {},
) {
  const db = await getDb();
  await db
    .insert(memberships)
    .values({
      communityId,
      userId,
      status,
      role,
      joinedAt: status === "active" ? new Date() : null,
      bannedUntil: extra.bannedUntil ?? null,
      inviteExpiresAt: extra.inviteExpiresAt ?? null,
    })
    .onConflictDoUpdate({
      target: [memberships.communityId, memberships.userId],
      set: { status, role },
    });
}
