-- Keep each search vector inside its row (compressed if need be) rather than in the TOAST
-- table, so that checking a row against a query reads one page, not a chain of them. The
-- long bodies are moved out of line first instead. Applies to rows written from now on.
ALTER TABLE "posts" ALTER COLUMN "search_vector" SET STORAGE MAIN;--> statement-breakpoint
ALTER TABLE "comments" ALTER COLUMN "search_vector" SET STORAGE MAIN;
