import type { CommunityRow, MembershipRow } from "@/lib/db/schema";

/**
 * Whether a new post from this member waits for a facilitator: when the community
 * pre-moderates everyone, or members who joined within the last N days. Facilitators and
 * site admins are never held back.
 */
export function needsApproval(
  community: Pick<CommunityRow, "premoderation" | "premoderationDays">,
  membership: Pick<MembershipRow, "role" | "joinedAt"> | undefined,
  isSiteAdmin: boolean,
  now = new Date(),
): boolean {
  if (community.premoderation === "off" || isSiteAdmin) return false;
  if (membership?.role === "owner" || membership?.role === "facilitator") return false;
  if (community.premoderation === "everyone") return true;
  const joined = membership?.joinedAt ?? now;
  return now.getTime() - joined.getTime() < community.premoderationDays * 24 * 60 * 60 * 1000;
}
