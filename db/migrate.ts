import { advisoryLocks } from "./locks";
import path from "node:path";
import type { Sql } from "postgres";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { DbHandle } from "./types";

export const migrationsFolder = () => path.join(process.cwd(), "db", "migrations");

/** Applies the committed drizzle-kit migrations. On PostgreSQL it runs on one dedicated
 * connection under an advisory lock, so app instances starting together do not race. */
export async function migrateDb(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder: migrationsFolder() };
  if (handle.driver === "pglite" || !handle.url) {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, config);
    return;
  }
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(handle.url, { max: 1, onnotice: () => {} });
  try {
    // Already current: nothing to lock. Behind PgBouncer in transaction mode (the cluster,
    // docs/scaling.md) a session's advisory lock is not safe, so migrations are applied before
    // the instances start (`npm run db:migrate` on the primary) and each instance only checks.
    if (await isCurrent(client, config)) return;
    await client.unsafe(`select pg_advisory_lock(${advisoryLocks.migrate})`);
    await migrate(drizzle(client), config);
    await client.unsafe(`select pg_advisory_unlock(${advisoryLocks.migrate})`);
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** True when the newest committed migration is recorded as applied (drizzle applies those newer than its last record). */
async function isCurrent(client: Sql, config: { migrationsFolder: string }): Promise<boolean> {
  const newest = Math.max(...readMigrationFiles(config).map((m) => m.folderMillis));
  const [table] = await client.unsafe<{ present: boolean }[]>(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!table?.present) return false;
  const [last] = await client.unsafe<{ at: string | null }[]>(`select max(created_at)::text as at from drizzle.__drizzle_migrations`);
  return last?.at != null && Number(last.at) >= newest;
}
