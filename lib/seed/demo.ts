import { randomUUID } from "node:crypto";
import { fakerEN_GB as faker } from "@faker-js/faker";
import { sql } from "drizzle-orm";
import { slugify } from "@/lib/communities/validation";
import type { Db } from "@/lib/db/client";
import { communities, memberships, type Visibility } from "@/lib/db/schema";
import { demoDiscussion, type Plan } from "./discussion";
import { seedEvents } from "./events";
import { facilitatorWork } from "./facilitation";
import { seedLibrary } from "./library";
import { DEMO_PASSWORD, demoPeople, type UserRow } from "./people";
import { communityForms, purposeForms, regions, serviceAreas } from "./vocabulary";
import { seedNotifications } from "./notifications";
import { addFormerMembers, dateHelpfulMarks } from "./analytics";
import { writeDemo } from "./write";

type CommunityRow = typeof communities.$inferInsert & { id: string };
type MembershipRow = typeof memberships.$inferInsert;

const DAY = 24 * 60 * 60 * 1000;

/** Fills an empty database with the demo communities, people and demo sign-ins. */
export async function seedDemo(db: Db, { people = 900, password = DEMO_PASSWORD } = {}) {
  faker.seed(2007);
  const now = Date.now();
  const { demo: demoUsers, people: people_ } = await demoPeople(faker, now, people, password);
  const [admin, facilitator, member] = demoUsers as [UserRow, UserRow, UserRow];
  const everyone = [...demoUsers, ...people_];

  const allCommunities: CommunityRow[] = [];
  const plans: Plan[] = [];
  const allMemberships: MembershipRow[] = [];

  const addCommunity = (spec: {
    name: string;
    purpose: string;
    visibility: Visibility;
    size: number;
    parent?: CommunityRow;
    owner?: UserRow;
    facilitators?: UserRow[];
    members?: UserRow[];
    slug?: string;
    area?: string;
    posts?: number;
  }) => {
    const createdAt = new Date(now - faker.number.int({ min: 60, max: 1500 }) * DAY);
    const community: CommunityRow = {
      id: randomUUID(),
      slug: spec.slug ?? slugFor(spec.name, allCommunities),
      name: spec.name,
      purpose: spec.purpose,
      visibility: spec.visibility,
      parentId: spec.parent?.id ?? null,
      ancestorIds: spec.parent ? [...(spec.parent.ancestorIds ?? []), spec.parent.id] : [],
      depth: spec.parent ? (spec.parent.depth ?? 1) + 1 : 1,
      createdAt,
      lastActivityAt: new Date(now - faker.number.int({ min: 0, max: 120 }) * DAY - faker.number.int(DAY)),
      createdById: (spec.owner ?? everyone[0]!).id,
    };
    allCommunities.push(community);
    plans.push({ community, area: spec.area ?? spec.name, posts: spec.posts ?? Math.min(12, Math.round(spec.size / 15)) });
    // Members of a sub-community are drawn from its parent, as the rules require.
    const pool = spec.parent
      ? allMemberships.filter((m) => m.communityId === spec.parent!.id && m.status === "active").map((m) => everyone.find((u) => u.id === m.userId)!)
      : people_;
    const chosen = new Map<string, { user: UserRow; role: "owner" | "facilitator" | "member" }>();
    const owner = spec.owner ?? faker.helpers.arrayElement(pool);
    chosen.set(owner.id, { user: owner, role: "owner" });
    for (const f of spec.facilitators ?? []) chosen.set(f.id, { user: f, role: "facilitator" });
    for (const m of spec.members ?? []) if (!chosen.has(m.id)) chosen.set(m.id, { user: m, role: "member" });
    const extraFacilitators = spec.size >= 30 ? 2 : spec.size >= 10 ? 1 : 0;
    for (const user of faker.helpers.shuffle(pool)) {
      if (chosen.size >= spec.size) break;
      if (chosen.has(user.id)) continue;
      const isFacilitator = [...chosen.values()].filter((c) => c.role === "facilitator").length < extraFacilitators;
      chosen.set(user.id, { user, role: isFacilitator ? "facilitator" : "member" });
    }
    // The people named for a community were there from the start; the rest joined over time.
    const named = new Set([owner.id, ...(spec.facilitators ?? []).map((u) => u.id), ...(spec.members ?? []).map((u) => u.id)]);
    for (const { user, role } of chosen.values()) {
      allMemberships.push({
        communityId: community.id,
        userId: user.id,
        role,
        status: "active",
        joinedAt: named.has(user.id) ? createdAt : new Date(createdAt.getTime() + faker.number.int({ min: 0, max: now - createdAt.getTime() })),
      });
    }
    return community;
  };

  // The communities the platform was first described with, at their sizes.
  addCommunity({
    name: "Policy and performance",
    slug: "policy-and-performance",
    purpose:
      "Our busiest community. Members share ideas and practice on building and running better performance management and improvement policy, and support one another in doing it.",
    visibility: "open",
    size: 642,
    area: "Performance management",
    posts: 40,
    owner: people_[0],
    facilitators: [facilitator],
    members: [member],
  });
  const innovation = addCommunity({
    name: "Innovation",
    slug: "innovation",
    purpose:
      "Innovation as a strategic driver of improvement: shared learning about managing, measuring and practising it, to inspire the innovation agenda across local government.",
    visibility: "open",
    size: 168,
    area: "Innovation",
    posts: 20,
    owner: facilitator,
    members: [member, admin],
  });
  addCommunity({
    name: "Measuring innovation",
    purpose: "How do we know an innovation worked? Evaluation methods, benefits realisation and honest write-ups of what failed.",
    visibility: "open",
    size: 41,
    parent: innovation,
    owner: facilitator,
    members: [member],
  });
  addCommunity({
    name: "Digital services",
    purpose: "Redesigning council services around the people who use them: user research, service standards and shared components.",
    visibility: "open",
    size: 56,
    parent: innovation,
  });
  addCommunity({
    name: "Partnerships and co-production",
    purpose: "Working with residents, the voluntary sector and health partners to design services together.",
    visibility: "restricted",
    size: 24,
    parent: innovation,
  });
  addCommunity({
    name: "Innovation leads' forum",
    purpose: "A closed forum for the innovation leads of member councils to discuss funding bids and early-stage ideas in confidence.",
    visibility: "private",
    size: 9,
    parent: innovation,
    owner: facilitator,
  });
  addCommunity({
    name: "Adult and Children's services",
    slug: "adult-and-childrens-services",
    purpose:
      "Middle managers across children's and adults' services share knowledge, debate and find new answers to common difficulties. It keeps momentum between the group's meetings, held twice a year and run by a small central team.",
    visibility: "restricted",
    size: 12,
    area: "Children's services",
    posts: 8,
    owner: facilitator,
  });
  addCommunity({
    name: "Third sector commissioning",
    slug: "third-sector-commissioning",
    purpose:
      "An internal stakeholder group developing the documents of a national programme on commissioning services from the voluntary and community sector.",
    visibility: "private",
    size: 5,
    area: "Voluntary sector commissioning",
    posts: 6,
    owner: facilitator,
  });

  // Over a hundred further communities, in realistic sizes: most small, a few large.
  const usedNames = new Set(allCommunities.map((c) => c.name));
  let made = 0;
  while (made < 110) {
    const area = faker.helpers.arrayElement(serviceAreas);
    const name = faker.helpers.arrayElement(communityForms)(area, faker.helpers.arrayElement(regions));
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    const roll = faker.number.float();
    const visibility: Visibility = roll < 0.8 ? "open" : roll < 0.92 ? "restricted" : "private";
    const size = Math.max(5, Math.min(400, Math.round(6 / Math.pow(faker.number.float({ min: 0.02, max: 1 }), 1.1))));
    const parent = addCommunity({ name, purpose: faker.helpers.arrayElement(purposeForms)(area), visibility, size, area });
    made++;
    if (size > 60 && faker.number.int(2) === 0) {
      const subVisibility: Visibility = visibility === "open" ? faker.helpers.arrayElement(["open", "restricted"] as const) : visibility;
      addCommunity({
        name: `${name}: ${faker.helpers.arrayElement(["new starters", "data and measures", "policy drafting", "case reviews"])}`,
        purpose: `A smaller group within ${name} for focused work.`,
        visibility: subVisibility,
        size: Math.max(5, Math.round(size / 6)),
        parent,
      });
    }
  }

  // The demo member has asked to join a restricted community, so the facilitator has a request.
  const adultAndChildrens = allCommunities.find((c) => c.slug === "adult-and-childrens-services")!;
  allMemberships.push({
    communityId: adultAndChildrens.id,
    userId: member.id,
    status: "pending",
    requestMessage: "I manage the early help team at Castlemere and would value the peer group.",
  });

  const usedTitles = new Set<string>();
  const discussion = demoDiscussion(faker, plans, allMemberships, new Map(everyone.map((u) => [u.id, u])), now, usedTitles);
  const work = facilitatorWork(faker, {
    now,
    bySlug: (slug) => allCommunities.find((c) => c.slug === slug)!,
    memberships: allMemberships,
    people: people_,
    demo: demoUsers,
    posts: discussion.posts,
    comments: discussion.comments,
    usedTitles,
  });
  allMemberships.push(...work.requests);
  discussion.posts.push(work.held);

  dateHelpfulMarks(faker, discussion.reactions, new Map(discussion.posts.map((p) => [p.id, p.createdAt!])), now);
  await writeDemo(db, { users: everyone, communities: allCommunities, memberships: allMemberships, ...discussion, reports: work.reports });
  await seedNotifications(db);
  await seedLibrary(db, now);
  await seedEvents(db, faker, { now, bySlug: (slug) => allCommunities.find((c) => c.slug === slug)!, memberships: allMemberships, people: new Map(everyone.map((u) => [u.id, u])), demo: demoUsers });
  await addFormerMembers(db, faker, now);
  return {
    reports: work.reports.length,
    users: everyone.length,
    communities: allCommunities.length,
    memberships: allMemberships.length,
    posts: discussion.posts.length,
    comments: discussion.comments.length,
  };
}

function slugFor(name: string, existing: CommunityRow[]): string {
  const base = slugify(name);
  let slug = base;
  for (let n = 2; existing.some((c) => c.slug === slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** True when the database holds no communities yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(communities);
  return (row?.n ?? 0) === 0;
}
