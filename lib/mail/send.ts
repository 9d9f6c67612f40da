import nodemailer from "nodemailer";
import { getDb } from "@/lib/db/client";
import { devOutbox } from "@/lib/db/schema";
import { env } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string; html?: string };

let transport: nodemailer.Transporter | undefined;

/**
 * Sends mail through SMTP when SMTP_URL is set. In development and tests without SMTP, the
 * message goes to the dev outbox instead. Production without SMTP sends nothing and says so.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const e = env();
  if (e.SMTP_URL) {
    transport ??= nodemailer.createTransport(e.SMTP_URL);
    await transport.sendMail({ from: e.MAIL_FROM, ...mail });
    return;
  }
  if (e.isProduction) {
    console.warn(`Mail to a member was not sent because SMTP_URL is not set: "${mail.subject}"`);
    return;
  }
  const db = await getDb();
  await db.insert(devOutbox).values(mail);
}

/** True when the dev outbox is in use, which is never in production. */
export function devOutboxEnabled(): boolean {
  const e = env();
  return !e.isProduction && !e.SMTP_URL;
}
