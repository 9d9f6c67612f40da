import { publicJsonRoute, readBody } from "@/lib/http/json-route";
import { rateLimitNetwork, clientAddress } from "@/lib/http/client-address";
import { confirmAddress } from "@/lib/users/verification";

/** Confirms a new account's address with the emailed token and the account's password. */
export const POST = publicJsonRoute(async (request) => {
  const body = await readBody(request);
  const { email } = await confirmAddress(null, String(body.token ?? ""), body, rateLimitNetwork(clientAddress(request.headers)));
  return { email, confirmed: true };
});
