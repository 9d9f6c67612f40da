// What every end-to-end server run needs: a production build (its output shown only if it
// fails; E2E_SKIP_BUILD=1 reuses the last one) and a local SMTP server that catches mail into a file.
import { spawnSync } from "node:child_process";
import { appendFileSync } from "node:fs";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export function buildApp() {
  if (process.env.E2E_SKIP_BUILD) return;
  const build = spawnSync("npx", ["next", "build"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (build.status !== 0) {
    process.stdout.write(build.stdout ?? "");
    process.stderr.write(build.stderr ?? "");
    process.exit(build.status ?? 1);
  }
  console.log("Built the app for the end-to-end suite.");
}

/** Starts an SMTP server on a free port that appends each message to `mailFile` as a JSON line. */
export async function startMailCatcher(mailFile: string) {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
          appendFileSync(mailFile, JSON.stringify({ to, subject: mail.subject, text: mail.text }) + "\n");
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  return { port: (smtp.server.address() as { port: number }).port, close: () => smtp.close() };
}

/** The settings both kinds of run give `next start`. */
export function serverEnv(port: number, smtpPort: number, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // The suite signs in and posts far faster than people do; rate limits have their own tests.
    RATE_LIMITS: "off",
    AUTH_URL: `http://localhost:${port}`,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: "Roundtable <no-reply@roundtable.test>",
    // Deletions are carried out at the next clean-up, so a test can see one through.
    ACCOUNT_DELETION_GRACE_DAYS: "0",
    // A reply's email waits five seconds for more replies, not two minutes; unit tests prove the gathering.
    EMAIL_BATCH_SECONDS: "5",
    ...extra,
  };
}

/**
 * `next start` on a port. Idle connections are kept for two minutes, not Node's five seconds:
 * a test's request context reuses its connection after waiting for mail, and a server closing
 * that connection just as the request goes out answers it with ECONNRESET.
 */
export const startArgs = (port: number) => ["next", "start", "-p", String(port), "--keepAliveTimeout", "120000"];
