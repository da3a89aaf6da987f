import { randomBytes } from "node:crypto";
import { openDb, type Db } from "~/db/client";
import { migrateDb } from "~/db/migrate";

export type TestDb = { db: Db; driver: "pglite" | "postgres"; close: () => Promise<void> };

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the server of TEST_DATABASE_URL (dropped again on close).
 */
export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDb({ url: "", pgliteDir: null });
    await migrateDb(handle);
    return handle;
  }
  const { default: postgres } = await import("postgres");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const name = `djzl_test_${randomBytes(6).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString() });
  await migrateDb(handle);
  return {
    db: handle.db,
    driver: "postgres",
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
