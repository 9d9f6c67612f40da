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

export function isAdmin(viewer: MaybeViewer): boolean {
  return isActiveViewer(viewer) && viewer.siteRole === "admin";
}

/** The viewer is the author (a former member's content has no author). */
export function wrote(viewer: Viewer, authorId: string | null): boolean {
  return authorId !== null && authorId === viewer.id;
}
