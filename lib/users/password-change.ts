import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { badRequest } from "@/lib/errors";
import { assertActiveViewer, type Viewer } from "@/lib/policy";
import { enforce } from "@/lib/rate-limit";
import { accountLimits } from "@/lib/rate-limit/account-limits";
import { parseInput } from "@/lib/validation";
import { tellPasswordChanged } from "./account-mail";
import { hashPassword, newPasswordSchema, verifyPassword } from "./credentials";
import { PASSWORD_MAX } from "./password";
import { endSessions } from "./sessions";

const changeSchema = z.object({
  currentPassword: z.string().max(PASSWORD_MAX, "Enter your current password.").optional().default(""),
  newPassword: newPasswordSchema,
});

/** Whether the account has a password (accounts made by single sign-on or a link may not). */
export async function hasPassword(viewer: Viewer): Promise<boolean> {
  const [row] = await (await getDb()).select({ hash: users.passwordHash }).from(users).where(eq(users.id, viewer.id));
  return Boolean(row?.hash);
}

/**
 * Changes the viewer's password; the current one is needed when there is one. Every other
 * device is signed out, and the account's address is told.
 */
export async function changePassword(viewer: Viewer, currentSessionId: string | undefined, input: unknown): Promise<{ message: string }> {
  assertActiveViewer(viewer);
  const data = parseInput(changeSchema, input);
  const db = await getDb();
  await enforce(db, accountLimits.changePassword(viewer));
  const [account] = await db.select({ hash: users.passwordHash, email: users.email }).from(users).where(eq(users.id, viewer.id));
  if (account?.hash && !(await verifyPassword(account.hash, data.currentPassword))) {
    throw badRequest("Please check the highlighted fields.", { currentPassword: ["Your current password is not right."] });
  }
  const passwordHash = await hashPassword(data.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, viewer.id));
    await endSessions(tx, viewer.id, currentSessionId);
  });
  await tellPasswordChanged(account!.email);
  return { message: "Your password is changed, and every other device is signed out." };
}
