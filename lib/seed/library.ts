import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { diffRichText } from "@/lib/content/diff";
import { htmlToText } from "@/lib/content/sanitize";
import type { Db } from "@/lib/db/client";
import { communities, documentCoauthors, documentComments, documentRevisions, documents, folders, memberships, users, type DocumentStatus } from "@/lib/db/schema";

// Demo documents for the library: a few drafted together in Third sector commissioning and in
// Adult and Children's services, each with several revisions, one out for comment.

const DAY = 24 * 60 * 60 * 1000;
const p = (...paragraphs: string[]) => paragraphs.map((t) => (t.startsWith("<") ? t : `<p>${t}</p>`)).join("");

type Plan = {
  community: string;
  folder?: string;
  title: string;
  status: DocumentStatus;
  deadlineInDays?: number;
  /** Each revision's text, oldest first. */
  revisions: string[];
  notes: string[];
  comment?: { quote: string | null; body: string };
};

const plans: Plan[] = [
  {
    community: "third-sector-commissioning",
    folder: "Programme documents",
    title: "Commissioning framework for voluntary and community sector partners",
    status: "draft",
    revisions: [
      p("<h2>Purpose</h2>", "This framework sets out how councils in the programme commission services from voluntary and community sector organisations."),
      p("<h2>Purpose</h2>", "This framework sets out how councils in the programme commission services from voluntary and community sector organisations, large and small.", "<h2>Principles</h2>", "<ul><li>Grants before contracts where the outcome allows</li><li>Payment within 30 days</li></ul>"),
      p("<h2>Purpose</h2>", "This framework sets out how councils in the programme commission services from voluntary and community sector organisations, large and small.", "<h2>Principles</h2>", "<ul><li>Grants before contracts where the outcome allows</li><li>Payment within 14 days</li><li>Three-year agreements as the norm</li></ul>", "<h2>Social value</h2>", "Social value is weighted at no less than 20% in every tender."),
      p("<h2>Purpose</h2>", "This framework sets out how councils in the programme commission services from voluntary and community sector organisations, large and small.", "<h2>Principles</h2>", "<ul><li>Grants before contracts where the outcome allows</li><li>Payment within 14 days</li><li>Three-year agreements as the norm</li></ul>", "<h2>Social value</h2>", "Social value is weighted at no less than 20% in every tender, and measured with the partners who deliver it."),
    ],
    notes: ["First outline", "Added the principles", "Payment terms and social value", "Measuring social value together"],
  },
  {
    community: "third-sector-commissioning",
    folder: "Programme documents",
    title: "Grant agreement template",
    status: "agreed",
    revisions: [
      p("<h2>Parties</h2>", "This agreement is between the council and the grant recipient named below.", "<h2>Monitoring</h2>", "The recipient reports quarterly."),
      p("<h2>Parties</h2>", "This agreement is between the council and the grant recipient named below.", "<h2>Monitoring</h2>", "The recipient reports twice a year, in a short form agreed at the start."),
    ],
    notes: ["Draft from the legal team", "Lighter monitoring, as agreed at the March meeting"],
  },
  {
    community: "adult-and-childrens-services",
    title: "Transitions protocol: children's to adults' services",
    status: "out_for_comment",
    deadlineInDays: 21,
    revisions: [
      p("<h2>When planning starts</h2>", "Planning for the move to adults' services starts at 16."),
      p("<h2>When planning starts</h2>", "Planning for the move to adults' services starts at 14, with the young person and their family.", "<h2>Who leads</h2>", "A named transitions worker leads from the first meeting until six months after the move."),
      p("<h2>When planning starts</h2>", "Planning for the move to adults' services starts at 14, with the young person and their family.", "<h2>Who leads</h2>", "A named transitions worker leads from the first meeting until twelve months after the move.", "<h2>Review</h2>", "The protocol is reviewed at each of the group's twice-yearly meetings."),
    ],
    notes: ["Starting point from the last meeting", "Earlier planning; a named lead", "Longer support after the move; review"],
    comment: { quote: "until twelve months after the move", body: "Twelve months is right for most. Could we say it may be extended where the young person is in education?" },
  },
];

/** Adds the demo documents. Needs the demo communities and people already in place. */
export async function seedLibrary(db: Db, now = Date.now()) {
  for (const plan of plans) {
    const [community] = await db.select({ id: communities.id, ownerId: communities.createdById }).from(communities).where(eq(communities.slug, plan.community));
    if (!community?.ownerId) continue;
    const members = await db
      .select({ id: users.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.communityId, community.id), eq(memberships.status, "active"), sql`${users.id} <> ${community.ownerId}`))
      .orderBy(users.name)
      .limit(2);
    const authors = [community.ownerId, ...members.map((m) => m.id)];
    const folderId = plan.folder ? await folderFor(db, community.id, plan.folder, community.ownerId) : null;
    const documentId = randomUUID();
    const last = plan.revisions.length - 1;
    const at = (i: number) => new Date(now - (plan.revisions.length - i) * 9 * DAY);
    await db.insert(documents).values({
      id: documentId,
      communityId: community.id,
      folderId,
      ownerId: community.ownerId,
      title: plan.title,
      bodyHtml: plan.revisions[last]!,
      bodyText: htmlToText(plan.revisions[last]!),
      status: plan.status,
      commentDeadline: plan.deadlineInDays ? new Date(now + plan.deadlineInDays * DAY) : null,
      revisionCount: plan.revisions.length,
      commentCount: plan.comment ? 1 : 0,
      createdAt: at(0),
      updatedAt: at(last),
      updatedById: authors[last % authors.length]!,
    });
    const revisionIds = plan.revisions.map(() => randomUUID());
    await db.insert(documentRevisions).values(
      plan.revisions.map((html, i) => {
        const diff = diffRichText(plan.revisions[i - 1] ?? "", html, { context: 0 });
        return {
          id: revisionIds[i]!,
          documentId,
          number: i + 1,
          authorId: authors[i % authors.length]!,
          title: plan.title,
          bodyHtml: html,
          bodyText: htmlToText(html),
          note: plan.notes[i] ?? "",
          wordsAdded: diff.wordsAdded,
          wordsRemoved: diff.wordsRemoved,
          createdAt: at(i),
        };
      }),
    );
    await db.update(documents).set({ headRevisionId: revisionIds[last]! }).where(eq(documents.id, documentId));
    if (members.length) await db.insert(documentCoauthors).values(members.map((m) => ({ documentId, userId: m.id, addedById: community.ownerId })));
    if (plan.comment && members[0]) {
      await db.insert(documentComments).values({
        documentId,
        authorId: members[0].id,
        bodyHtml: p(plan.comment.body),
        bodyText: plan.comment.body,
        quote: plan.comment.quote,
        revisionNumber: plan.revisions.length,
        createdAt: new Date(now - 2 * DAY),
      });
    }
  }
}

async function folderFor(db: Db, communityId: string, name: string, createdById: string) {
  const [existing] = await db.select({ id: folders.id }).from(folders).where(and(eq(folders.communityId, communityId), eq(folders.name, name)));
  if (existing) return existing.id;
  const [made] = await db.insert(folders).values({ communityId, name, createdById }).returning({ id: folders.id });
  return made!.id;
}
