import { clientAddress, rateLimitNetwork } from "@/lib/http/client-address";
import { publicJsonRoute, readBody } from "@/lib/http/json-route";
import { registerUser } from "@/lib/users/registration";

/**
 * Starts an account. 400 for bad input, each with field messages; otherwise 202 and the same
 * answer whether or not the address has an account: the email says what happens next.
 */
export const POST = publicJsonRoute(async (request) => registerUser(await readBody(request), rateLimitNetwork(clientAddress(request.headers))), { status: 202 });
