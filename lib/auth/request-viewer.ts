import { redirect } from "next/navigation";
import { cache } from "react";
import { assertActiveViewer, isActiveViewer, type MaybeViewer, type Viewer } from "@/lib/policy";
import { loadSession } from "@/lib/users/sessions";
import { readSession } from "./index";

// Who is asking, for this request. Pages use requireViewer (a redirect to sign in); server
// actions and route handlers get the viewer from the signed-in wrappers in lib/http, which
// use requireActiveViewer (a 401 or 403). Domain functions take the Viewer these return.

export type { MaybeViewer, Viewer };

/** The session cookie, read once per request. */
const session = cache(() => readSession());

const signedIn = cache(async () => {
  const current = await session();
  if (!current) return null;
  return loadSession(current.userId, current.sessionId);
});

/**
 * The signed-in person for this request, or null, read once per request. The account is
 * loaded fresh with its session row, so a suspension, a deleted account or an ended session
 * (signed out elsewhere, a password change) takes effect on the next request even while the
 * cookie is still valid.
 */
export const getViewer = cache(async (): Promise<MaybeViewer> => (await signedIn())?.viewer ?? null);

/** The header's count of the viewer's unread notifications, read with their session: no statement of its own. */
export async function headerUnreadCount(): Promise<number> {
  return (await signedIn())?.unreadNotifications ?? 0;
}

/** The id of the session this browser is signed in with, to mark it in the list of devices. */
export async function currentSessionId(): Promise<string | undefined> {
  return (await session())?.sessionId;
}

/** The signed-in, active viewer, or null when signed out or suspended: for parts shown to anyone. */
export async function getActiveViewer(): Promise<Viewer | null> {
  const viewer = await getViewer();
  return isActiveViewer(viewer) ? viewer : null;
}

/** The signed-in, active viewer, or an error: 401 when signed out, 403 when suspended. */
export async function requireActiveViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  assertActiveViewer(viewer);
  return viewer;
}

/** For pages: the active viewer, or a redirect to sign in (or to the suspended notice). */
export async function requireViewer(returnTo?: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  if (!isActiveViewer(viewer)) redirect("/suspended");
  return viewer;
}
