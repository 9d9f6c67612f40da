import nodemailer from "nodemailer";
import { getDb } from "@/lib/db/client";
import { devOutbox } from "@/lib/db/schema";
import { env } from "@/lib/env";

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
export type MailTransport = Pick<nodemailer.Transporter, "sendMail">;

let transport: nodemailer.Transporter | undefined;

function toMessage(mail: Mail): nodemailer.SendMailOptions {
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
 * Sends mail through SMTP when SMTP_URL is set (or through the transport given). In
 * development and tests without SMTP, the message goes to the dev outbox instead. Production
 * without SMTP sends nothing and says so.
 */
export async function sendMail(mail: Mail, via?: MailTransport): Promise<void> {
  const e = env();
  if (via || e.SMTP_URL) {
    transport ??= e.SMTP_URL ? nodemailer.createTransport(e.SMTP_URL) : undefined;
    await (via ?? transport!).sendMail(toMessage(mail));
    return;
  }
  if (e.isProduction) {
    console.warn(`Mail to a member was not sent because SMTP_URL is not set: "${mail.subject}"`);
    return;
  }
  const db = await getDb();
  await db.insert(devOutbox).values({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
}

/** True when the dev outbox is in use, which is never in production. */
export function devOutboxEnabled(): boolean {
  const e = env();
  return !e.isProduction && !e.SMTP_URL;
}
