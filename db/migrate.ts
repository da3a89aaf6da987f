import path from "node:path";
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
    await client`select pg_advisory_lock(7263514)`;
    await migrate(drizzle(client), config);
    await client`select pg_advisory_unlock(7263514)`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
