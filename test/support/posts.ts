import { createCommunity } from "@/lib/communities/mutations";
import { joinCommunity } from "@/lib/communities/membership";
import { createPost } from "@/lib/posts/mutations";
import type { Viewer } from "@/lib/policy";

/** A community owned by `owner`, joined by `members`. */
export async function communityWith(owner: Viewer, name: string, members: Viewer[] = [], visibility: "open" | "restricted" | "private" = "open") {
  const { slug } = await createCommunity(owner, { name, visibility });
  for (const member of members) {
    if (visibility === "open") await joinCommunity(member, { slug });
  }
  return slug;
}

export function postInput(overrides: Record<string, unknown> = {}) {
  return { kind: "discussion", title: "Sharing our approach", body: "<p>Here is what we did.</p>", bodyFormat: "html", tags: "", ...overrides };
}

export async function makePost(author: Viewer, slug: string, overrides: Record<string, unknown> = {}) {
  return createPost(author, slug, postInput(overrides));
}
