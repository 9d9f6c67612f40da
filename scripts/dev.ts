// npm run dev: on the embedded database, migrate and seed demo data on first run, then start
// Next's development server. With DATABASE_URL set, it only starts the server.
import { spawn } from "node:child_process";
import { chooseDriver, closeDb, getDb } from "@/lib/db/client";
import { isEmpty, seedDemo } from "@/lib/seed/demo";
import { demoAccounts, DEMO_PASSWORD } from "@/lib/seed/people";
import { checkEnvironmentOrExit } from "@/lib/startup";

checkEnvironmentOrExit();
const embedded = chooseDriver() === "pglite";
if (embedded) {
  const db = await getDb();
  if (await isEmpty(db)) {
    console.log("First run: adding demo communities and sign-ins to the embedded database…");
    await seedDemo(db);
  }
  await closeDb();
  console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"): ${demoAccounts.map((a) => a.email).join(", ")}`);
}
const next = spawn("npx", ["next", "dev", ...process.argv.slice(2)], {
  stdio: "inherit",
  // The dev outbox (mail, sign-in links included, shown at /dev/outbox) is for development on
  // the embedded database only.
  env: { NEXT_TELEMETRY_DISABLED: "1", ...(embedded ? { DEV_OUTBOX: "on" } : {}), ...process.env },
});
next.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
