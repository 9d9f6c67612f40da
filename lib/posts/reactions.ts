import { and, eq, sql } from "drizzle-orm";
import { touchContent } from "@/lib/communities/counters";
import { getDb, type Db } from "@/lib/db/client";
import { selectRows } from "@/lib/db/rows";
import { commentReactions, comments, postFollows, postReactions, posts } from "@/lib/db/schema";
import { notify } from "@/lib/notifications/events";
import type { Viewer } from "@/lib/policy";
import { enforce } from "@/lib/rate-limit";
import { limitsFor } from "@/lib/rate-limit/rules";
import { loadAuthorizedComment, loadAuthorizedPost, threadPath } from "./load";

// A member's own marks on posts: "helpful" on a post or a reply, and following or muting a post.

/** Where each kind of helpful mark is kept, and the row whose count it moves. */
const helpfulMarks = {
  post: { marks: postReactions, markOf: postReactions.postId, counted: posts },
  comment: { marks: commentReactions, markOf: commentReactions.commentId, counted: comments },
};

/**
 * Marks a post or a reply as helpful, or takes the mark back. One per member; the count on the
 * post or reply stays exact under concurrency, as only the write that changes a mark moves it.
 */
async function toggleHelpful(db: Db, viewer: Viewer, kind: keyof typeof helpfulMarks, id: string) {
  const { marks, markOf, counted } = helpfulMarks[kind];
  const mark = sql`${markOf} = ${id} and ${marks.userId} = ${viewer.id}`;
  const added = await selectRows(
    db,
    sql`insert into ${marks} (${sql.identifier(markOf.name)}, ${sql.identifier(marks.userId.name)}) values (${id}, ${viewer.id}) on conflict do nothing returning 1`,
  );
  // Only new marks count towards the daily limit; a refusal rolls the mark back with the transaction.
  if (added.length) await enforce(db, limitsFor.reaction(viewer));
  const removed = added.length ? [] : await selectRows(db, sql`delete from ${marks} where ${mark} returning 1`);
  const [row] = await selectRows<{ count: number }>(
    db,
    sql`update ${counted} set ${sql.identifier(counted.helpfulCount.name)} = ${counted.helpfulCount} + ${added.length - removed.length}
      where ${counted.id} = ${id} returning ${counted.helpfulCount} as count`,
  );
  return { helpful: added.length > 0, count: row!.count };
}

export async function toggleHelpfulPost(viewer: Viewer, postId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { post, community } = await loadAuthorizedPost(tx, viewer, postId, "post.react");
    const result = await toggleHelpful(tx, viewer, "post", post.id);
    await touchContent(tx, community.id); // the feed shows a post's count
    if (result.helpful) await notify(tx, { type: "helpful", actorId: viewer.id, communityId: community.id, postId: post.id });
    return { ...result, postId: post.id, slug: community.slug, path: threadPath(community.slug, post) };
  });
}

export async function toggleHelpfulComment(viewer: Viewer, commentId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { comment, community, post } = await loadAuthorizedComment(tx, viewer, commentId, "comment.react");
    const result = await toggleHelpful(tx, viewer, "comment", comment.id);
    if (result.helpful) await notify(tx, { type: "helpful", actorId: viewer.id, communityId: community.id, postId: comment.postId, commentId: comment.id });
    return { ...result, postId: comment.postId, slug: community.slug, path: threadPath(community.slug, post) };
  });
}

/** Follows a post (replies to it are notified), mutes it (nothing about it is), or neither. */
export async function setPostWatch(viewer: Viewer, postId: string, watch: "following" | "muted" | "none") {
  const db = await getDb();
  const { post, community } = await loadAuthorizedPost(db, viewer, postId, "post.follow");
  if (watch === "none") {
    await db.delete(postFollows).where(and(eq(postFollows.postId, post.id), eq(postFollows.userId, viewer.id)));
  } else {
    await db
      .insert(postFollows)
      .values({ postId: post.id, userId: viewer.id, level: watch })
      .onConflictDoUpdate({ target: [postFollows.postId, postFollows.userId], set: { level: watch } });
  }
  return { postId: post.id, slug: community.slug, path: threadPath(community.slug, post), watch };
}
