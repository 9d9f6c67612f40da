import { asc, eq, inArray } from "drizzle-orm";
import { diffRichText, renderDiffHtml } from "@/lib/content/diff";
import { getDb } from "@/lib/db/client";
import { postRevisions, users } from "@/lib/db/schema";
import type { Viewer } from "@/lib/policy";
import { loadAuthorizedPost } from "./load";

// A post's earlier versions and what changed in each edit, for whoever may read the post.
// Each stored revision is the text as it was before an edit; the post row holds the latest.

/** At most this many edits are shown, the most recent; posts are rarely edited more. */
const MAX_EDITS = 50;

export async function getPostHistory(viewer: Viewer, postId: string) {
  const db = await getDb();
  const { post, community } = await loadAuthorizedPost(db, viewer, postId, "post.viewHistory");
  const rows = await db
    .select({ title: postRevisions.title, bodyHtml: postRevisions.bodyHtml, editorId: postRevisions.editorId, reason: postRevisions.reason, createdAt: postRevisions.createdAt })
    .from(postRevisions)
    .where(eq(postRevisions.postId, post.id))
    .orderBy(asc(postRevisions.createdAt), asc(postRevisions.id));
  const people = new Set([post.authorId, ...rows.map((r) => r.editorId)].filter((id): id is string => id !== null));
  const names = new Map(
    people.size ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...people]))).map((u) => [u.id, u.name]) : [],
  );
  // Version k's text is revision k (or the post itself for the newest); the edit that made version k+1 is revision k's editor and time.
  const texts = [...rows.map((r) => ({ title: r.title, bodyHtml: r.bodyHtml })), { title: post.title, bodyHtml: post.bodyHtml }];
  const versions = texts.map((text, i) => {
    const madeBy = i === 0 ? { editorId: post.authorId, createdAt: post.createdAt, reason: null } : rows[i - 1]!;
    return { number: i + 1, title: text.title, editorName: madeBy.editorId ? (names.get(madeBy.editorId) ?? null) : null, createdAt: madeBy.createdAt, reason: madeBy.reason };
  });
  const edits = versions.slice(1).map((version, i) => {
    const diff = diffRichText(texts[i]!.bodyHtml, texts[i + 1]!.bodyHtml);
    return {
      ...version,
      previousTitle: texts[i]!.title,
      diffHtml: renderDiffHtml(diff),
      wordsAdded: diff.wordsAdded,
      wordsRemoved: diff.wordsRemoved,
    };
  });
  return {
    community: { slug: community.slug, name: community.name },
    post: { id: post.id, title: post.title, createdAt: post.createdAt, authorName: post.authorId ? (names.get(post.authorId) ?? null) : null },
    edits: edits.reverse().slice(0, MAX_EDITS),
    editCount: edits.length,
  };
}
