import { timingSafeEqual } from "node:crypto";
import { badRequest } from "@/lib/errors";

// How inbound-mail services hand over a message: the raw MIME as the body, or as one field
// of a form (SendGrid's "email", Mailgun's "body-mime"), with a shared secret as a bearer
// token or as the password of basic authentication in the webhook's address.

const MAX_BYTES = 10 * 1024 * 1024;
const FIELDS = ["email", "body-mime", "message", "raw"];

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** True when the request carries the inbound-mail secret; never true without one configured. */
export function isInboundMailCall(request: Request, secret: string | undefined): boolean {
  if (!secret) return false;
  const header = request.headers.get("authorization") ?? "";
  if (header.startsWith("Bearer ")) return same(header.slice(7), secret);
  if (header.startsWith("Basic ")) {
    const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
    return same(decoded.slice(decoded.indexOf(":") + 1), secret);
  }
  return false;
}

/** The raw message from the request; too large or missing is a 400. */
export async function readRawMessage(request: Request): Promise<Buffer> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BYTES) throw badRequest("The message is too large.");
  const type = request.headers.get("content-type") ?? "";
  let raw: Buffer | null = null;
  if (type.includes("multipart/form-data") || type.includes("application/x-www-form-urlencoded")) {
    const form = await request.formData();
    const field = FIELDS.map((name) => form.get(name)).find((value) => value !== null);
    if (typeof field === "string") raw = Buffer.from(field, "utf8");
    else if (field) raw = Buffer.from(await field.arrayBuffer());
  } else {
    raw = Buffer.from(await request.arrayBuffer());
  }
  if (!raw || raw.length === 0) throw badRequest("No message was sent.");
  if (raw.length > MAX_BYTES) throw badRequest("The message is too large.");
  return raw;
}
