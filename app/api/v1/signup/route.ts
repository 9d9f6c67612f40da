import { publicJsonRoute, readBody } from "@/lib/http/json-route";
import { registerUser } from "@/lib/users/registration";

/** Creates an account. 400 for bad input and 409 for a taken email, each with field messages. */
export const POST = publicJsonRoute(async (request) => registerUser(await readBody(request)), { status: 201 });
