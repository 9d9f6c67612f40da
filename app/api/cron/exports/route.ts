import { scheduledJsonRoute } from "@/lib/http/json-route";
import { runExportWork } from "@/lib/people/export";

/** Waiting data exports, and expired ones deleted: called by the platform's scheduler every few minutes; a 404 to anyone else. */
export const GET = scheduledJsonRoute(() => runExportWork());
