import { redirect } from "next/navigation";
import { cache } from "react";
import { assertActiveViewer, isActiveViewer, type MaybeViewer, type Viewer } from "@/lib/policy";
import { loadAccount } from "@/lib/users/account";
import { auth } from "./index";

// Who is asking, for this request. Pages use requireViewer (a redirect to sign in); server
// actions and route handlers get the viewer from the signed-in wrappers in lib/http, which
// use requireActiveViewer (a 401 or 403). Domain functions take the Viewer these return.

export type { MaybeViewer, Viewer };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The signed-in person for this request, or null, read once per request. The account is
 * loaded fresh, so a suspension or a deleted account takes effect on the next request even
 * while the session cookie is still valid.
 */
export const getViewer = cache(async (): Promise<MaybeViewer> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id || !UUID.test(id)) return null;
  return loadAccount(id);
});

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
