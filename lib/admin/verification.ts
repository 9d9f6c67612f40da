import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { recordAction } from "@/lib/moderation/audit";
import { authorize, type Viewer } from "@/lib/policy";
import { parseInput } from "@/lib/validation";

// Sending someone's address confirmation email again, from the people list. The email itself
// belongs to accounts (confirmed addresses); until that lands, `verificationEmails` says it is
// not available and the people list offers no button. To wire it: set `available` to true and
// make `send` call the accounts module's sender for the user.

export const verificationEmails: { available: boolean; send: (userId: string) => Promise<void> } = {
  available: false,
  send: async () => {
    throw new AppError(409, "Confirmation emails cannot be sent yet.");
  },
};

export async function resendVerification(viewer: Viewer, input: unknown) {
  const { userId } = parseInput(z.object({ userId: z.uuid("Choose a person.") }), input);
  const db = await getDb();
  const [person] = await db.select({ name: users.name, status: users.status, emailVerified: users.emailVerified }).from(users).where(eq(users.id, userId));
  if (!person) throw notFound("We could not find that person.");
  authorize(viewer, "user.resendVerification", { userId, status: person.status, emailVerified: person.emailVerified });
  await verificationEmails.send(userId);
  await recordAction(db, viewer, { communityId: null, action: "resend verification", targetType: "user", targetId: userId, targetLabel: person.name });
  return { message: `The confirmation email is on its way to ${person.name}.` };
}
