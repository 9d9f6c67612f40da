import nodemailer, { type Mail as Mailer } from "nodemailer";
import { chooseDriver, getDb } from "@/lib/db/client";
import { devOutbox } from "@/lib/db/schema";
import { env, type Env } from "@/lib/env";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  /** Threading: this message's id, the one it answers, and the thread's earlier ids, each as `<id@domain>`. */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  /** A one-click unsubscribe address (RFC 8058): sent as List-Unsubscribe with List-Unsubscribe-Post. */
  unsubscribeUrl?: string;
  headers?: Record<string, string>;
};

/** Where a message goes: SMTP in production, or a given transport (tests hand in one to a real in-process server). */
export type MailTransport = Pick<Mailer, "sendMail">;

let transport: MailTransport | undefined;

function toMessage(mail: Mail): Parameters<Mailer["sendMail"]>[0] {
  const { unsubscribeUrl, headers, ...rest } = mail;
  return {
    from: env().MAIL_FROM,
    ...rest,
    headers: {
      ...headers,
      ...(unsubscribeUrl ? { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {}),
    },
  };
}

/**
 * Sends mail through SMTP when SMTP_URL is set (or through the transport given). Without SMTP,
 * mail goes to the dev outbox only when DEV_OUTBOX=on outside production; otherwise nothing is
 * sent, and the log says so.
 */
export async function sendMail(mail: Mail, via?: MailTransport): Promise<void> {
  const e = env();
  if (via || e.SMTP_URL) {
    transport ??= e.SMTP_URL ? nodemailer.createTransport(e.SMTP_URL) : undefined;
    await (via ?? transport!).sendMail(toMessage(mail));
    return;
  }
  if (e.isProduction || e.DEV_OUTBOX !== "on") {
    console.warn(`Mail was not sent because SMTP_URL is not set: "${mail.subject}"`);
    return;
  }
  const db = await getDb();
  await db.insert(devOutbox).values({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
}

/**
 * True when the dev outbox page may show mail (which holds sign-in links): only when asked for
 * with DEV_OUTBOX=on, in development, without SMTP, on the embedded database. Never on NODE_ENV alone.
 */
export function devOutboxEnabled(e: Env = env()): boolean {
  return e.DEV_OUTBOX === "on" && e.NODE_ENV === "development" && !e.SMTP_URL && chooseDriver(e) === "pglite";
}
