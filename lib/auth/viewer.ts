import { redirect } from "next/navigation";
import { cache } from "react";
import type { MaybeViewer, Viewer } from "@/lib/policy";
import { loadViewer } from "@/lib/users/load-viewer";
import { auth } from "./index";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The signed-in person for this request, read once per request. The account is loaded
 * fresh, so a suspension or a deleted account takes effect on the next request even while
 * the session cookie is still valid.
 */
export const getViewer = cache(async (): Promise<MaybeViewer> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id || !UUID.test(id)) return null;
  return loadViewer(id);
});

/** For pages: the active viewer, or a redirect to sign in (or to the suspended notice). */
export async function requireViewer(returnTo?: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) {
    redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  }
  if (viewer.status !== "active") redirect("/suspended");
  return viewer;
}
