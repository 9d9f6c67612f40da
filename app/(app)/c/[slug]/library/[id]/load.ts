import { redirect } from "next/navigation";
import { cache } from "react";
import { requireActiveViewer } from "@/lib/auth/request-viewer";
import { isAppError } from "@/lib/errors";
import { getDocumentPage } from "@/lib/library/page";

/** The document page's data, shared by the page and its metadata within one request. */
export const loadDocumentPage = cache(async (id: string) => getDocumentPage(await requireActiveViewer(), id));

/** A document asked for under a community it is not in (it moved): send its readers to where it is. */
export function sendToHome(slug: string, actual: { community: { slug: string }; document: { id: string } }, rest = "") {
  if (actual.community.slug !== slug) redirect(`/c/${actual.community.slug}/library/${actual.document.id}${rest}`);
}

/** A title that names the document only for those who may read it. */
export async function documentTitle(id: string, suffix?: string): Promise<string> {
  try {
    const page = await loadDocumentPage(id);
    return [suffix, page.document.title, page.community.name].filter(Boolean).join(" · ");
  } catch (error) {
    if (isAppError(error)) return "Page not found";
    throw error;
  }
}
