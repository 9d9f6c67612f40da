import path from "node:path";

export const port = Number(process.env.E2E_PORT ?? 3210);
/** Where one e2e run keeps its embedded database and the mail it caught, one folder per port. Wiped at start. */
export const runDir = path.resolve(`.data/e2e-${port}`);
export const mailFile = path.join(runDir, "mail.jsonl");
export const baseURL = `http://localhost:${port}`;
/** The scheduler's secret for this run's server, so a test can run the clean-up. */
export const cronSecret = `e2e-cron-${port}`;
/** The second server of the two-server run, and its address. */
export const secondPort = port + 1;
export const secondURL = `http://localhost:${secondPort}`;
