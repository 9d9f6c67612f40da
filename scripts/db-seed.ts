// npm run db:seed: fills an empty database with demo data and demo sign-ins. Only the embedded
// database, or a local PostgreSQL named with `-- --database <name>`; never production.
// `-- --reset` empties the database first.
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/lib/db/client";
import { isEmpty, seedDemo } from "@/lib/seed/demo";
import { demoPasswordFor, seedRefusal } from "@/lib/seed/guard";
import { demoAccounts } from "@/lib/seed/people";
import { env } from "@/lib/env";
import { checkEnvironmentOrExit } from "@/lib/startup";

checkEnvironmentOrExit();
const refused = seedRefusal(env(), process.argv);
if (refused) {
  console.error(refused);
  process.exit(1);
}
const db = await getDb();
if (process.argv.includes("--reset")) {
  await db.execute(sql`truncate users, communities, dev_outbox, auth_verification_tokens cascade`);
}
if (!(await isEmpty(db))) {
  console.log("The database already has communities, so demo data was not added. Use `npm run db:seed -- --reset` to start again.");
} else {
  const started = Date.now();
  const password = demoPasswordFor(env());
  const counts = await seedDemo(db, { password });
  console.log(
    `Seeded ${counts.communities} communities, ${counts.users} people, ${counts.memberships} memberships, ${counts.posts} posts and ${counts.comments} replies in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  console.log(`Demo sign-ins (password "${password}"): ${demoAccounts.map((a) => a.email).join(", ")}`);
}
await closeDb();
