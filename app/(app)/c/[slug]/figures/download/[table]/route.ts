import { getAnalyticsCsv } from "@/lib/analytics/tables";
import { searchParamsOf } from "@/lib/http/json-route";
import { signedInFileRoute } from "@/lib/http/file-route";

/** One table of a community's figures as CSV, for the viewers who may see the page. */
export const GET = signedInFileRoute<{ slug: string; table: string }>(async (request, viewer, { slug, table }) => {
  const { csv, filename } = await getAnalyticsCsv(viewer, slug, table, searchParamsOf(request));
  return { body: csv, name: filename, contentType: "text/csv; charset=utf-8" };
});
