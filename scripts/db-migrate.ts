// npm run db:migrate: applies the committed migrations to the configured database.
import { chooseDriver, closeDb, getDbHandle } from "@/lib/db/client";
import { analyseTablesWithoutStatistics, migrate } from "@/lib/db/migrate";
import { checkEnvironmentOrExit } from "@/lib/startup";

checkEnvironmentOrExit();
const handle = await getDbHandle();
await migrate(handle);
console.log(`Migrations applied (${chooseDriver()} driver).`);
const analysed = await analyseTablesWithoutStatistics(handle);
if (analysed.length) console.log(`Statistics gathered for ${analysed.join(", ")}.`);
await closeDb();
