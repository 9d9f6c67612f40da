-- GIN indexes on the small tables (people and communities) write straight into the index, not
-- into a pending list. A pending list is read in full by every search until a vacuum merges it:
-- a freshly loaded or busy directory made people and community searches read megabytes of it.
-- These tables change slowly, so the slower insert costs nothing anyone notices. The large
-- tables (posts, comments) keep their pending lists: many writes a second gain from them.
ALTER INDEX "users_name_trgm_idx" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "users_organisation_trgm_idx" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "users_email_trgm_idx" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "communities_name_trgm_idx" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "communities_search_idx" SET (fastupdate = off);--> statement-breakpoint
-- Turning fastupdate off leaves what is already pending there: merge it now.
SELECT gin_clean_pending_list(c.oid) FROM pg_class c
  WHERE c.relname IN ('users_name_trgm_idx', 'users_organisation_trgm_idx', 'users_email_trgm_idx', 'communities_name_trgm_idx', 'communities_search_idx')
    AND c.relnamespace = 'public'::regnamespace;
