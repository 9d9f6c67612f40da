import { publicJsonRoute } from "@/lib/http/json-route";
import { checkHealth } from "@/lib/maintenance/health";

/** Liveness: the app answers and its database does too. */
export const GET = publicJsonRoute(() => checkHealth());
