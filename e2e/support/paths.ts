import path from "node:path";

/** Where one e2e run keeps its embedded database and the mail it caught. Wiped at start. */
export const runDir = path.resolve(".data/e2e");
export const mailFile = path.join(runDir, "mail.jsonl");
export const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://localhost:${port}`;
/** The scheduler's secret for this run's server, so a test can run the clean-up. */
export const cronSecret = `e2e-cron-${port}`;
