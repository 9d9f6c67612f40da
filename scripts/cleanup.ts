// npm run cron:cleanup: the scheduled clean-up, run by hand or by a local cron.
import { closeDb } from "@/lib/db/client";
import { cleanUp } from "@/lib/maintenance/cleanup";
import { checkEnvironmentOrExit } from "@/lib/startup";

checkEnvironmentOrExit();
await cleanUp();
console.log("Clean-up done.");
await closeDb();
