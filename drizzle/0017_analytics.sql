CREATE TABLE "community_activity_daily" (
	"community_id" uuid NOT NULL,
	"day" date NOT NULL,
	"posts" integer DEFAULT 0 NOT NULL,
	"replies" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "community_activity_daily_community_id_day_pk" PRIMARY KEY("community_id","day")
);
--> statement-breakpoint
CREATE TABLE "member_activity" (
	"community_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "member_activity_community_id_day_user_id_pk" PRIMARY KEY("community_id","day","user_id")
);
--> statement-breakpoint
CREATE TABLE "membership_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "membership_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"community_id" uuid NOT NULL,
	"change" smallint NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_events_change_check" CHECK ("membership_events"."change" in (-1, 1))
);
--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "first_reply_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "community_activity_daily" ADD CONSTRAINT "community_activity_daily_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_activity" ADD CONSTRAINT "member_activity_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_activity" ADD CONSTRAINT "member_activity_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_events" ADD CONSTRAINT "membership_events_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_activity_daily_day_idx" ON "community_activity_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "member_activity_person_idx" ON "member_activity" USING btree ("user_id","community_id","day");--> statement-breakpoint
CREATE INDEX "member_activity_day_idx" ON "member_activity" USING btree ("day","user_id");--> statement-breakpoint
CREATE INDEX "membership_events_community_idx" ON "membership_events" USING btree ("community_id","at");--> statement-breakpoint
CREATE INDEX "users_email_trgm_idx" ON "users" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_created_idx" ON "users" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "users_suspended_name_idx" ON "users" USING btree (lower("name"),"id") WHERE "users"."status" = 'suspended';--> statement-breakpoint
CREATE INDEX "users_unverified_name_idx" ON "users" USING btree (lower("name"),"id") WHERE "users"."email_verified" is null;--> statement-breakpoint
CREATE INDEX "communities_created_idx" ON "communities" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "posts_questions_idx" ON "posts" USING btree ("community_id","created_at") WHERE "posts"."kind" = 'question' and "posts"."deleted_at" is null;