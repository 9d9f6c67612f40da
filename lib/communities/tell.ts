import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { memberships, users } from "@/lib/db/schema";
import { siteLink } from "@/lib/http/site-url";
import { sendMail } from "@/lib/mail/send";
import { activeMembership } from "@/lib/policy";

// Telling people about their communities, one named function each, so that each can be routed
// through notifications later. Links come from the configured public address.

export async function tellInvitee(to: string, inviterName: string, community: { name: string; purpose: string }, link: string, days: number) {
  await sendMail({
    to,
    subject: `${inviterName} invited you to ${community.name}`,
    text: [
      `${inviterName} invited you to join “${community.name}” on Roundtable.`,
      community.purpose ? `\n${community.purpose}\n` : "",
      `Accept or decline the invitation here (it works once, for this email address, and expires in ${days} days):`,
      link,
    ].join("\n"),
  });
}

export async function tellAlreadyAMember(to: string, inviterName: string, communityName: string) {
  await sendMail({
    to,
    subject: `${inviterName} invited you to ${communityName}`,
    text: `${inviterName} invited you to “${communityName}” on Roundtable. You are already a member, so there is nothing to do.`,
  });
}

/**
 * A community was opened to more people: every member is told, since what they wrote there
 * can now be read more widely. Sent after the change is saved, to each member in turn.
 */
export async function tellMembersCommunityOpened(community: { id: string; name: string; slug: string }, from: string, to: string, byName: string) {
  const db = await getDb();
  const readers = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(activeMembership({ communityId: community.id }), eq(users.status, "active")));
  const who = {
    open: "anyone signed in to Roundtable can now read and join it",
    restricted: "anyone signed in can now see its name, purpose and size, and ask to join",
    private: "only its members can now find it",
  }[to];
  for (const { email } of readers) {
    await sendMail({
      to: email,
      subject: `${community.name} is now ${to}`,
      text: [
        `${byName} changed “${community.name}” on Roundtable from ${from} to ${to}: ${who}.`,
        "That includes everything already written there.",
        `See the community at ${siteLink(`/c/${community.slug}`)}`,
      ].join("\n\n"),
    });
  }
}
