import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { isInboundMailCall, readRawMessage } from "@/lib/http/inbound-mail";
import { publicJsonRoute } from "@/lib/http/json-route";
import { receiveReplyEmail } from "@/lib/posts/reply-by-email";

/** Replies to notification emails, posted as raw MIME by the inbound-mail service: a 404 without the secret. */
export const POST = publicJsonRoute(async (request) => {
  if (!isInboundMailCall(request, env().INBOUND_EMAIL_SECRET)) throw notFound();
  return receiveReplyEmail(await readRawMessage(request));
});
