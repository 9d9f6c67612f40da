ALTER TYPE "public"."notification_kind" ADD VALUE 'event_changed';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'event_cancelled';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'event_place';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'event_reminder';