import { scheduledJsonRoute } from "@/lib/http/json-route";
import { cleanUp } from "@/lib/maintenance/cleanup";

/** The daily clean-up, called by the platform's scheduler; a 404 to anyone else. */
export const GET = scheduledJsonRoute(() => cleanUp());
