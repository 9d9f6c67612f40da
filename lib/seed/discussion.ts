import { randomUUID } from "node:crypto";
import type { Faker } from "@faker-js/faker";
import type { comments, communities, memberships, postReactions, posts, users } from "@/lib/db/schema";
import { replyText } from "./replies";
import { body, tagsFor, title } from "./text";

type UserRow = typeof users.$inferInsert & { id: string };
type CommunityRow = typeof communities.$inferInsert & { id: string };
type MembershipRow = typeof memberships.$inferInsert;
export type PostRow = typeof posts.$inferInsert & { id: string };
export type CommentRow = typeof comments.$inferInsert & { id: string };
export type Plan = { community: CommunityRow; area: string; posts: number };

const DAY = 24 * 60 * 60 * 1000;

/** A title no other seeded post has, so that no feed, search or page shows the same one twice. */
export function uniqueTitle(f: Faker, area: string, used: Set<string>): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const candidate = title(f, area);
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
  }
  throw new Error(`No unused title left for ${area}`);
}

const firstName = (user: UserRow | undefined) => user?.name?.split(" ")[0] ?? "everyone";

/** Posts, replies, accepted answers and "helpful" marks for each community, by its members. */
export function demoDiscussion(f: Faker, plans: Plan[], allMemberships: MembershipRow[], people: Map<string, UserRow>, now: number, usedTitles: Set<string>) {
  const posts_: PostRow[] = [];
  const comments_: CommentRow[] = [];
  const reactions: (typeof postReactions.$inferInsert)[] = [];
  const accepted: { postId: string; commentId: string }[] = [];
  for (const { community, area, posts: count } of plans) {
    const members = allMemberships.filter((m) => m.communityId === community.id && m.status === "active");
    if (members.length === 0) continue;
    const ids = members.map((m) => m.userId);
    for (let i = 0; i < count; i++) {
      const created = now - f.number.int({ min: 1, max: 400 }) * DAY - f.number.int(DAY);
      // The author had joined by then.
      const authors = members.filter((m) => (m.joinedAt?.getTime() ?? 0) <= created).map((m) => m.userId);
      const kind = f.helpers.weightedArrayElement([
        { weight: 5, value: "discussion" as const },
        { weight: 4, value: "question" as const },
        { weight: 1, value: "article" as const },
      ]);
      const text = body(f, area, kind === "article" ? 5 : undefined);
      const post: PostRow = {
        id: randomUUID(),
        communityId: community.id,
        authorId: f.helpers.arrayElement(authors.length ? authors : ids),
        kind,
        title: uniqueTitle(f, area, usedTitles),
        bodyHtml: text.html,
        bodyText: text.text,
        tags: tagsFor(f, area),
        createdAt: new Date(created),
        lastActivityAt: new Date(created),
        commentCount: 0,
      };
      const replies = f.number.int({ min: 0, max: 9 });
      let at = created;
      let previous: string | undefined;
      const said = new Set<string>();
      for (let r = 0; r < replies; r++) {
        at += f.number.int({ min: 600_000, max: 3 * DAY });
        if (at > now) break;
        const others = ids.filter((id) => id !== previous);
        const authorId = f.helpers.arrayElement(others.length ? others : ids);
        const author = people.get(authorId);
        const context = {
          area,
          poster: firstName(people.get(post.authorId!)),
          previous: previous && previous !== post.authorId ? firstName(people.get(previous)) : undefined,
          organisation: author?.organisation ?? "our council",
        };
        // Nobody in a thread says exactly what someone else already said.
        let reply = replyText(f, context);
        for (let attempt = 0; said.has(reply.text) && attempt < 20; attempt++) reply = replyText(f, context);
        said.add(reply.text);
        comments_.push({ id: randomUUID(), postId: post.id, authorId, bodyHtml: reply.html, bodyText: reply.text, createdAt: new Date(at) });
        previous = authorId;
        post.commentCount = (post.commentCount ?? 0) + 1;
        post.lastActivityAt = new Date(at);
      }
      const mine = comments_.filter((c) => c.postId === post.id && c.authorId !== post.authorId);
      if (kind === "question" && mine.length > 0 && f.number.int(1) === 0) {
        accepted.push({ postId: post.id, commentId: f.helpers.arrayElement(mine).id });
      }
      const fans = f.helpers.arrayElements(ids.filter((m) => m !== post.authorId), { min: 0, max: Math.min(6, ids.length - 1) });
      for (const userId of fans) reactions.push({ postId: post.id, userId });
      post.helpfulCount = fans.length;
      posts_.push(post);
    }
  }
  return { posts: posts_, comments: comments_, reactions, accepted };
}
