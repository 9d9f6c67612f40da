// npm run cron:exports: makes waiting data exports and deletes expired ones, as the scheduler does.
import { closeDb } from "@/lib/db/client";
import { runExportWork } from "@/lib/people/export";
import { checkEnvironmentOrExit } from "@/lib/startup";

checkEnvironmentOrExit();
const { ran, expired } = await runExportWork(100);
console.log(`Exports made: ${ran}; expired and deleted: ${expired}.`);
await closeDb();
