import { cache } from "react";
import { requireActiveViewer } from "@/lib/auth/request-viewer";
import { getCommunityPage } from "@/lib/communities/page";
import { isAppError } from "@/lib/errors";

/** The community page's data, shared by the page and its metadata within one request. */
export const loadCommunityPage = cache(async (slug: string) => getCommunityPage(await requireActiveViewer(), slug));

/** A title that names the community only for viewers who may see it. */
export async function communityTitle(slug: string, suffix?: string): Promise<string> {
  try {
    const page = await loadCommunityPage(slug);
    return suffix ? `${suffix} · ${page.community.name}` : page.community.name;
  } catch (error) {
    if (isAppError(error)) return "Page not found";
    throw error;
  }
}
