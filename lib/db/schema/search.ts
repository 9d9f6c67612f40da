import { customType } from "drizzle-orm/pg-core";

/** Postgres's full-text search document type. */
export const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});
