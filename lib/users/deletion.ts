import { and, asc, eq, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { accountDeletions, users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { badRequest, conflict } from "@/lib/errors";
import { assertActiveViewer, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { tellAccountDeleted, tellDeletionCancelled, tellDeletionScheduled } from "./account-mail";
import { removeAccount } from "./delete-account";
import { verifyPassword } from "./credentials";
import { PASSWORD_MAX } from "./password";
import { endSessions } from "./sessions";

// Deleting one's own account, as the privacy notice describes: the member chooses whether
// their posts and replies stay (as "a former member") or go; nothing happens for 14 days (by default), and
// signing in during that time cancels it. The scheduled clean-up carries deletions out.

/** Days before a deletion is carried out: ACCOUNT_DELETION_GRACE_DAYS, 14 unless set. */
export const deletionGraceDays = () => env().ACCOUNT_DELETION_GRACE_DAYS;

/** Communities the viewer is the only owner of while others are members: someone must own them first. */
async function soleOwnerships(db: Db, userId: string) {
  return selectRows<{ name: string; slug: string }>(
    db,
    sql`select c.name, c.slug from memberships m join communities c on c.id = m.community_id
      where m.user_id = ${userId} and m.status = 'active' and m.role = 'owner'
        and not exists (select 1 from memberships o where o.community_id = m.community_id and o.user_id <> m.user_id and o.status = 'active' and o.role = 'owner')
        and exists (select 1 from memberships p where p.community_id = m.community_id and p.user_id <> m.user_id and p.status = 'active')
      order by lower(c.name) limit 20`,
  );
}

/** What the deletion page shows: a deletion already asked for, and what stands in the way. */
export async function deletionPreview(viewer: Viewer) {
  assertActiveViewer(viewer);
  const db = await getDb();
  const [scheduled] = await db.select({ dueAt: accountDeletions.dueAt, keepContent: accountDeletions.keepContent }).from(accountDeletions).where(eq(accountDeletions.userId, viewer.id));
  const [account] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, viewer.id));
  return { scheduled: scheduled ?? null, soleOwnerOf: await soleOwnerships(db, viewer.id), hasPassword: Boolean(account?.hash), graceDays: deletionGraceDays() };
}

const requestSchema = z.object({
  content: z.enum(["keep", "remove"], { error: "Choose what happens to your posts and replies." }),
  password: z.string().max(PASSWORD_MAX).optional().default(""),
  confirm: z.literal("yes", { error: "Tick the box to confirm that you want your account deleted." }),
});

/**
 * Asks for the viewer's account to be deleted after the grace period: signs them out everywhere and emails
 * them. Refused while they are the only owner of a community others belong to.
 */
export async function requestDeletion(viewer: Viewer, input: unknown): Promise<{ dueAt: Date }> {
  assertActiveViewer(viewer);
  const data = parseInput(requestSchema, input);
  const db = await getDb();
  const [account] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, viewer.id));
  if (account?.hash && !(await verifyPassword(account.hash, data.password))) {
    throw badRequest("Please check the highlighted fields.", { password: ["Your password is not right."] });
  }
  const owned = await soleOwnerships(db, viewer.id);
  if (owned.length > 0) {
    throw conflict(`You are the only owner of ${owned.map((c) => `“${c.name}”`).join(", ")}. Make someone else an owner first, or archive it.`);
  }
  const dueAt = new Date(Date.now() + deletionGraceDays() * 24 * 60 * 60 * 1000);
  const keepContent = data.content === "keep";
  await db.transaction(async (tx) => {
    await tx
      .insert(accountDeletions)
      .values({ userId: viewer.id, dueAt, keepContent })
      .onConflictDoUpdate({ target: accountDeletions.userId, set: { dueAt, keepContent, requestedAt: new Date() } });
    await endSessions(tx, viewer.id);
  });
  await tellDeletionScheduled(viewer.email, dueAt, keepContent);
  return { dueAt };
}

/** Signing in during the grace period cancels a deletion; the member is told by email. */
export async function cancelDeletionOnSignIn(userId: string): Promise<boolean> {
  const db = await getDb();
  const cancelled = await db.delete(accountDeletions).where(eq(accountDeletions.userId, userId)).returning({ userId: accountDeletions.userId });
  if (cancelled.length === 0) return false;
  const [account] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (account) await tellDeletionCancelled(account.email);
  return true;
}

/**
 * Carries out deletions whose grace period has ended, a few per run so a run stays short. Two
 * runs at once never take the same account (SKIP LOCKED). Returns how many went.
 */
export async function carryOutDueDeletions(batch = 10): Promise<number> {
  const db = await getDb();
  let done = 0;
  for (let i = 0; i < batch; i++) {
    const email = await db.transaction(async (tx) => {
      const [due] = await tx
        .select({ userId: accountDeletions.userId, keepContent: accountDeletions.keepContent, email: users.email })
        .from(accountDeletions)
        .innerJoin(users, eq(users.id, accountDeletions.userId))
        .where(lte(accountDeletions.dueAt, sql`now()`))
        .orderBy(asc(accountDeletions.dueAt))
        .limit(1)
        .for("update", { of: accountDeletions, skipLocked: true });
      if (!due) return null;
      await removeAccount(tx, due.userId, due.keepContent);
      return due.email;
    });
    if (!email) break;
    await tellAccountDeleted(email);
    done++;
  }
  return done;
}

/** Removes accounts whose address was never confirmed within 7 days and that hold nothing. */
export async function removeUnconfirmedAccounts(db: Db): Promise<number> {
  const gone = await db
    .delete(users)
    .where(
      and(
        sql`${users.emailVerified} is null and ${users.createdAt} < now() - interval '7 days'`,
        sql`not exists (select 1 from memberships m where m.user_id = ${users.id})`,
        sql`not exists (select 1 from posts p where p.author_id = ${users.id})`,
        sql`not exists (select 1 from comments c where c.author_id = ${users.id})`,
      ),
    )
    .returning({ id: users.id });
  return gone.length;
}
