/** `npm run db:seed`: migrates the database chosen by the environment (DATABASE_URL or
 * PGLITE_DIR, see db/client.ts) and seeds the demo data set once. */
import { count } from "drizzle-orm";
import { openDb } from "~/db/client";
import { migrateDb } from "~/db/migrate";
import { reports, units } from "~/db/schema";
import { seedDemo } from "~/scripts/seed/index";

const started = performance.now();
const handle = await openDb();
try {
  await migrateDb(handle);
  const { created } = await seedDemo(handle.db);
  const [unitCount] = await handle.db.select({ n: count() }).from(units);
  const [reportCount] = await handle.db.select({ n: count() }).from(reports);
  const ms = Math.round(performance.now() - started);
  console.log(
    `db:seed (${handle.driver}): ${created ? "demo data created" : "already seeded, nothing changed"}; ` +
      `${unitCount?.n ?? 0} units, ${reportCount?.n ?? 0} reports (${ms} ms)`,
  );
} catch (err) {
  console.error("db:seed failed:", err);
  process.exitCode = 1;
} finally {
  await handle.close();
}
