import nodemailer, { type Mail as MailTransport } from "nodemailer";
import { chooseDriver, getDb } from "@/lib/db/client";
import { devOutbox } from "@/lib/db/schema";
import { env, type Env } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string; html?: string };

let transport: MailTransport | undefined;

/**
 * Sends mail through SMTP when SMTP_URL is set. Without SMTP, mail goes to the dev outbox
 * only when DEV_OUTBOX=on outside production; otherwise nothing is sent, and the log says so.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const e = env();
  if (e.SMTP_URL) {
    transport ??= nodemailer.createTransport(e.SMTP_URL);
    await transport.sendMail({ from: e.MAIL_FROM, ...mail });
    return;
  }
  if (e.isProduction || e.DEV_OUTBOX !== "on") {
    console.warn(`Mail was not sent because SMTP_URL is not set: "${mail.subject}"`);
    return;
  }
  const db = await getDb();
  await db.insert(devOutbox).values(mail);
}

/**
 * True when the dev outbox page may show mail (which holds sign-in links): only when asked for
 * with DEV_OUTBOX=on, in development, without SMTP, on the embedded database. Never on NODE_ENV alone.
 */
export function devOutboxEnabled(e: Env = env()): boolean {
  return e.DEV_OUTBOX === "on" && e.NODE_ENV === "development" && !e.SMTP_URL && chooseDriver(e) === "pglite";
}
