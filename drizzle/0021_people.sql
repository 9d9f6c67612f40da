CREATE TYPE "public"."contact_preference" AS ENUM('welcome', 'communities', 'none');--> statement-breakpoint
CREATE TYPE "public"."export_status" AS ENUM('queued', 'running', 'ready', 'failed');--> statement-breakpoint
CREATE TYPE "public"."field_visibility" AS ENUM('everyone', 'communities', 'nobody');--> statement-breakpoint
CREATE TABLE "data_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"status" "export_status" DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"storage_key" text,
	"size" integer,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_expertise" (
	"user_id" uuid NOT NULL,
	"tag" text NOT NULL,
	CONSTRAINT "profile_expertise_user_id_tag_pk" PRIMARY KEY("user_id","tag")
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid,
	"area_of_work" text DEFAULT '' NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"contact_preference" "contact_preference" DEFAULT 'communities' NOT NULL,
	"photo_key" text,
	"job_title_visibility" "field_visibility" DEFAULT 'everyone' NOT NULL,
	"organisation_visibility" "field_visibility" DEFAULT 'everyone' NOT NULL,
	"area_of_work_visibility" "field_visibility" DEFAULT 'everyone' NOT NULL,
	"expertise_visibility" "field_visibility" DEFAULT 'everyone' NOT NULL,
	"bio_visibility" "field_visibility" DEFAULT 'everyone' NOT NULL,
	"region_visibility" "field_visibility" DEFAULT 'everyone' NOT NULL,
	"photo_visibility" "field_visibility" DEFAULT 'everyone' NOT NULL,
	"contact_visibility" "field_visibility" DEFAULT 'communities' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_feed_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_feed_keys_user_key" UNIQUE("user_id")
);
--> statement-breakpoint
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_expertise" ADD CONSTRAINT "profile_expertise_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_feed_keys" ADD CONSTRAINT "news_feed_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_exports_owner_idx" ON "data_exports" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "data_exports_pending_idx" ON "data_exports" USING btree ("created_at") WHERE "data_exports"."status" in ('queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_key_key" ON "organisations" USING btree ("key");--> statement-breakpoint
CREATE INDEX "organisations_name_trgm_idx" ON "organisations" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "profile_expertise_tag_idx" ON "profile_expertise" USING btree ("tag","user_id");--> statement-breakpoint
CREATE INDEX "profiles_organisation_idx" ON "profiles" USING btree ("organisation_id","user_id");--> statement-breakpoint
CREATE INDEX "profiles_area_idx" ON "profiles" USING btree ("area_of_work","user_id");--> statement-breakpoint
CREATE INDEX "profiles_region_idx" ON "profiles" USING btree ("region","user_id");