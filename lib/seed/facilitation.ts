import { randomUUID } from "node:crypto";
import type { Faker } from "@faker-js/faker";
import type { communities, memberships, reports, users } from "@/lib/db/schema";
import type { CommentRow, PostRow } from "./discussion";
import { uniqueTitle } from "./discussion";
import { body } from "./text";

// What a facilitator finds waiting when they first sign in to the demo: people asking to join,
// a new member's first post held for approval, and reports to look at. Each is placed in a
// community the demo facilitator looks after.

type UserRow = typeof users.$inferInsert & { id: string };
type CommunityRow = typeof communities.$inferInsert & { id: string };
type MembershipRow = typeof memberships.$inferInsert;
type ReportRow = typeof reports.$inferInsert;

const DAY = 24 * 60 * 60 * 1000;

type World = {
  now: number;
  bySlug: (slug: string) => CommunityRow;
  memberships: MembershipRow[];
  people: UserRow[];
  /** The demo accounts, who never report, request or wait for approval here. */
  demo: UserRow[];
  posts: PostRow[];
  comments: CommentRow[];
  usedTitles: Set<string>;
};

export function facilitatorWork(f: Faker, world: World) {
  const { now, memberships: all, posts, comments } = world;
  const demoIds = new Set(world.demo.map((u) => u.id));
  const activeIn = (community: CommunityRow) =>
    all.filter((m) => m.communityId === community.id && m.status === "active" && !demoIds.has(m.userId) && m.role === "member");
  const ago = (days: number) => new Date(now - days * DAY);

  // Requests to join the restricted community the demo facilitator owns.
  const restricted = world.bySlug("adult-and-childrens-services");
  const inside = new Set(all.filter((m) => m.communityId === restricted.id).map((m) => m.userId));
  const askers = f.helpers.arrayElements(world.people.filter((p) => !inside.has(p.id)), 2);
  const messages = [
    "I have just taken over the children's disability team and would like to learn from others before our next inspection.",
    `Head of adult safeguarding at ${askers[1]?.organisation ?? "my council"}. I came to the spring meeting and was told to ask here.`,
  ];
  const requests: MembershipRow[] = askers.map((person, i) => ({
    communityId: restricted.id,
    userId: person.id,
    status: "pending",
    role: "member",
    requestMessage: messages[i],
    createdAt: ago(i + 1),
  }));

  // Innovation holds back new members' first posts; one has just joined and posted.
  const innovation = world.bySlug("innovation");
  innovation.premoderation = "new_members";
  innovation.premoderationDays = 14;
  const newcomer = f.helpers.arrayElement(activeIn(innovation));
  newcomer.joinedAt = ago(3);
  const text = body(f, "Innovation", 2);
  const held: PostRow = {
    id: randomUUID(),
    communityId: innovation.id,
    authorId: newcomer.userId,
    kind: "question",
    title: uniqueTitle(f, "Innovation", world.usedTitles),
    bodyHtml: text.html,
    bodyText: text.text,
    tags: ["innovation"],
    status: "pending",
    createdAt: ago(1),
    lastActivityAt: ago(1),
  };

  // Reports, with the words that prompted them, where the demo facilitator moderates.
  const found: ReportRow[] = [];
  const report = (communitySlug: string, what: "post" | "reply", reason: ReportRow["reason"], details: string, words: string) => {
    const community = world.bySlug(communitySlug);
    const candidates = posts.filter((p) => p.communityId === community.id && (what === "post" || (p.commentCount ?? 0) > 0));
    const post = f.helpers.arrayElement(candidates);
    const reply = what === "reply" ? f.helpers.arrayElement(comments.filter((c) => c.postId === post.id)) : undefined;
    const target = reply ?? post;
    target.bodyText = `${target.bodyText}\n${words}`;
    target.bodyHtml = `${target.bodyHtml}<p>${words}</p>`;
    const reporters = activeIn(community).filter((m) => m.userId !== target.authorId);
    found.push({
      communityId: community.id,
      postId: post.id,
      commentId: reply?.id ?? null,
      reporterId: f.helpers.arrayElement(reporters).userId,
      reason,
      details,
      createdAt: ago(found.length + 1),
    });
  };
  report(
    "policy-and-performance",
    "post",
    "confidential",
    "The last paragraph names a family and their street. Could it come down until it is edited?",
    "For context, this started with the Hughes family on Mill Lane, who have complained to us three times this year.",
  );
  report(
    "policy-and-performance",
    "reply",
    "offensive",
    "This reads as a dig at a named colleague rather than a point about the work.",
    "Frankly, if Dave's team can't get this right after two years, they shouldn't be doing it.",
  );
  report(
    "innovation",
    "reply",
    "spam",
    "An advert for a paid course, posted in several threads.",
    "We run a five-day innovation masterclass for councils at a special rate this month. Message me for the brochure.",
  );

  return { requests, held, reports: found };
}
