import type { siteRoles, userStatuses } from "@/lib/db/schema";

/** The signed-in person, as every policy decision sees them. Loaded fresh on each request. */
export type Viewer = {
  id: string;
  name: string;
  email: string;
  siteRole: (typeof siteRoles)[number];
  status: (typeof userStatuses)[number];
  /** When the account was made: new accounts have stricter rate limits. */
  createdAt: Date;
  /** The address is proven: the emailed link was used, or single sign-on vouched for it. */
  verified: boolean;
};

/** Null when nobody is signed in. Only the policy and the sign-in gate take one. */
export type MaybeViewer = Viewer | null;

/** The account is not suspended: it may sign in, be found and be invited. */
export function isActiveAccount(account: { status: Viewer["status"] }): boolean {
  return account.status === "active";
}

/** Signed in and not suspended: the only viewers who may do anything. */
export function isActiveViewer(viewer: MaybeViewer): viewer is Viewer {
  return viewer !== null && isActiveAccount(viewer);
}

/** The account's address is proven. Until it is, the account reads open communities and nothing more. */
export function isVerified(viewer: MaybeViewer): boolean {
  return isActiveViewer(viewer) && viewer.verified;
}

/** A site admin, whose address is proven: an unproven address opens no door, an admin's included. */
export function isAdmin(viewer: MaybeViewer): boolean {
  return isActiveViewer(viewer) && viewer.verified && viewer.siteRole === "admin";
}

/** What an account whose address is not yet proven may do: read open communities, and see itself. */
export const UNVERIFIED_MAY: ReadonlySet<string> = new Set(["community.view", "community.read", "post.read", "comment.read", "user.view"]);

export const CONFIRM_ADDRESS_FIRST = "Confirm your email address first: use the link we emailed you, or ask for a new one on your account page.";

/** The viewer is the author (a former member's content has no author). */
export function wrote(viewer: Viewer, authorId: string | null): boolean {
  return authorId !== null && authorId === viewer.id;
}
