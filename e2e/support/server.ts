// Builds and starts the app for the e2e suite: a production build (its output shown only if it
// fails; E2E_SKIP_BUILD=1 reuses the last one), a fresh embedded database with demo data, a
// local SMTP server that catches mail into a file, and `next start`.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { cronSecret, mailFile, port, runDir } from "./paths";

if (!process.env.E2E_SKIP_BUILD) {
  const build = spawnSync("npx", ["next", "build"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (build.status !== 0) {
    process.stdout.write(build.stdout ?? "");
    process.stderr.write(build.stderr ?? "");
    process.exit(build.status ?? 1);
  }
  console.log("Built the app for the end-to-end suite.");
}

rmSync(runDir, { recursive: true, force: true });
mkdirSync(runDir, { recursive: true });
const pgliteDir = path.join(runDir, "db");

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
const smtpPort = (smtp.server.address() as { port: number }).port;

// Seed in this process, then hand the database folder to the server.
process.env.PGLITE_DIR = pgliteDir;
delete process.env.DATABASE_URL;
const { closeDb, getDb } = await import("@/lib/db/client");
const { seedDemo } = await import("@/lib/seed/demo");
await seedDemo(await getDb());
await closeDb();

const server = spawn("npx", ["next", "start", "-p", String(port)], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // The suite signs in and posts far faster than people do; rate limits have their own tests.
    RATE_LIMITS: "off",
    PGLITE_DIR: pgliteDir,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_URL: `http://localhost:${port}`,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: "Roundtable <no-reply@roundtable.test>",
    CRON_SECRET: cronSecret,
    // Deletions are carried out at the next clean-up, so a test can see one through.
    ACCOUNT_DELETION_GRACE_DAYS: "0",
  },
});
const stop = () => {
  server.kill("SIGTERM");
  smtp.close();
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
server.on("exit", (code) => {
  smtp.close();
  process.exit(code ?? 0);
});
