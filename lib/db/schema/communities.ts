import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { tsvector } from "./search";
import { users } from "./users";

export const visibilities = ["open", "restricted", "private"] as const;
export const membershipRoles = ["owner", "facilitator", "member"] as const;
export const membershipStatuses = ["active", "pending", "invited", "banned"] as const;

export const premoderationModes = ["off", "new_members", "everyone"] as const;
export const premoderationEnum = pgEnum("premoderation_mode", premoderationModes);
export const visibilityEnum = pgEnum("community_visibility", visibilities);
export const membershipRoleEnum = pgEnum("membership_role", membershipRoles);
export const membershipStatusEnum = pgEnum("membership_status", membershipStatuses);

const timestamptz = (name: string) => timestamp(name, { mode: "date", withTimezone: true });

export const communities = pgTable(
  "communities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    purpose: text("purpose").notNull().default(""),
    parentId: uuid("parent_id").references((): AnyPgColumn => communities.id, {
      onDelete: "restrict",
    }),
    /** Ids of every ancestor, root first. Fixed at creation: communities do not move. */
    ancestorIds: uuid("ancestor_ids").array().notNull().default(sql`'{}'::uuid[]`),
    depth: smallint("depth").notNull().default(1),
    visibility: visibilityEnum("visibility").notNull().default("open"),
    memberCount: integer("member_count").notNull().default(0),
    postCount: integer("post_count").notNull().default(0),
    /** Goes up with every change to what the feed shows, in the same transaction: the feed cache's key. */
    contentVersion: integer("content_version").notNull().default(0),
    allowNonMemberComments: boolean("allow_non_member_comments").notNull().default(false),
    /** Members, not only facilitators, may arrange events here. */
    allowMemberEvents: boolean("allow_member_events").notNull().default(false),
    /** Posts that wait for a facilitator's approval: none, from recent joiners, or from everyone. */
    premoderation: premoderationEnum("premoderation").notNull().default("off"),
    /** How recently a member must have joined for `new_members` pre-moderation to apply. */
    premoderationDays: smallint("premoderation_days").notNull().default(7),
    lastActivityAt: timestamptz("last_activity_at").notNull().defaultNow(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    archivedAt: timestamptz("archived_at"),
    /** Name weighted A, purpose B, for finding communities by their words. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(name, '')), 'A') || setweight(to_tsvector('english', coalesce(purpose, '')), 'B')`,
    ),
  },
  (t) => [
    uniqueIndex("communities_slug_key").on(t.slug),
    index("communities_parent_idx").on(t.parentId, sql`lower(${t.name})`),
    index("communities_activity_idx").on(t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("communities_size_idx").on(t.memberCount.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("communities_name_idx").on(sql`lower(${t.name})`, t.id),
    index("communities_created_idx").on(t.createdAt),
    index("communities_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
    index("communities_search_idx").using("gin", t.searchVector),
    check("communities_depth_check", sql`${t.depth} between 1 and 3`),
    check("communities_member_count_check", sql`${t.memberCount} >= 0`),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: membershipRoleEnum("role").notNull().default("member"),
    status: membershipStatusEnum("status").notNull().default("active"),
    requestMessage: text("request_message"),
    /** When an `invited` membership lapses. */
    inviteExpiresAt: timestamptz("invite_expires_at"),
    /** When a ban ends; null means it does not end. */
    bannedUntil: timestamptz("banned_until"),
    banReason: text("ban_reason"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    joinedAt: timestamptz("joined_at"),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.userId] }),
    index("memberships_user_idx").on(t.userId, t.status),
    index("memberships_community_status_idx").on(t.communityId, t.status, t.role),
    /** Who is an active member of a set of communities, read from the index alone (who shares a community with the viewer). */
    index("memberships_community_member_idx").on(t.communityId, t.status, t.userId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communityId: uuid("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedById: uuid("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    /** How the list of open invitations names the invitee: the name it was sent to, or the address typed. */
    inviteeLabel: text("invitee_label").notNull().default(""),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    expiresAt: timestamptz("expires_at").notNull(),
    acceptedAt: timestamptz("accepted_at"),
    acceptedById: uuid("accepted_by_id").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamptz("revoked_at"),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    index("invitations_community_email_idx").on(t.communityId, t.email),
    index("invitations_email_idx").on(t.email),
  ],
);

export type CommunityRow = Omit<typeof communities.$inferSelect, "searchVector">;
export type MembershipRow = typeof memberships.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
export type Visibility = (typeof visibilities)[number];
export type MembershipRole = (typeof membershipRoles)[number];
export type MembershipStatus = (typeof membershipStatuses)[number];
export type PremoderationMode = (typeof premoderationModes)[number];
