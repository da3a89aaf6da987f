import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import { readEnv } from "~/env";
import * as schema from "./schema";
import { openPostgresPool } from "./postgres-pool";
import { migrateDb } from "./migrate";
import type { Db, DbHandle, Tx } from "./types";

export type { Db, DbHandle, Schema, Tx } from "./types";

export const defaultPgliteDir = () => readEnv().PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");

/**
 * Opens the database chosen by the environment: `DATABASE_URL` → postgres.js to a real
 * PostgreSQL server; otherwise PGlite (PostgreSQL in WASM) on files under `.data/`.
 */
export async function openDb(opts: { url?: string; pgliteDir?: string | null; pgliteLoad?: Blob } = {}): Promise<DbHandle> {
  const env = readEnv();
  const url = opts.url ?? env.DATABASE_URL;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    // A pool that survives its database going away and coming back (db/postgres-pool.ts).
    const client = openPostgresPool(postgres, url, { max: env.DB_POOL_SIZE ?? 10, onnotice: () => {} });
    const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
    return { db, driver: "postgres", url, close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  // null → in-memory (tests); PGlite does not create parent folders itself. `pgliteLoad`: start from a
  // dumped data dir (`dumpDataDir`), as the tests do from their migrated template (tests/integration/test-templates.ts).
  const dir = opts.pgliteDir === undefined ? defaultPgliteDir() : opts.pgliteDir;
  if (dir) mkdirSync(dir, { recursive: true });
  const extensions = { pg_trgm }; // minutes similarity (migration 0003)
  const loadDataDir = opts.pgliteLoad;
  const client = dir ? new PGlite(dir, { extensions, loadDataDir }) : new PGlite({ extensions, loadDataDir });
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
  return { db, driver: "pglite", close: () => client.close() };
}

const globalForDb = globalThis as unknown as { __djzlDb?: Promise<DbHandle> };

/** The app's shared, migrated connection; cached on globalThis so hot reload reuses it. */
export function getDb(): Promise<Db> {
  globalForDb.__djzlDb ??= openDb().then(async (handle) => {
    try {
      await migrateDb(handle);
    } catch (err) {
      // The database was down when the first request came: try again on the next one, not never.
      globalForDb.__djzlDb = undefined;
      await handle.close().catch(() => {});
      throw err;
    }
    return handle;
  });
  return globalForDb.__djzlDb.then((h) => h.db);
}

const globalForReadDb = globalThis as unknown as { __djzlReadDb?: Promise<Db> };

/**
 * The connection dashboards read through: a read replica when `DATABASE_READ_URL` is set
 * (docs/scaling.md — replicas are migrated by replication, never by us), else the shared one.
 * Dashboards tolerate a replica's lag of a second; writes and their own reads stay on getDb().
 */
export function getReadDb(): Promise<Db> {
  const env = readEnv();
  const url = env.DATABASE_READ_URL;
  if (!url || !env.DATABASE_URL) return getDb();
  globalForReadDb.__djzlReadDb ??= openDb({ url }).then((h) => h.db);
  return globalForReadDb.__djzlReadDb;
}

/** Rows of a raw `db.execute`, which postgres.js returns as an array and PGlite as `{rows}`. */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/**
 * Several independent reads in one statement, so one round trip: each query's rows come back
 * as a JSON array (`json_agg`) under its key. Values arrive as JSON does — numbers (numeric and
 * bigint included) as numbers, timestamps as ISO strings — so keep to numbers and text.
 */
export async function queryTogether<K extends string>(db: Db | Tx, queries: Record<K, SQL>): Promise<Record<K, unknown[]>> {
  const keys = Object.keys(queries) as K[];
  const columns = sql.join(
    keys.map((k) => sql`(select coalesce(json_agg(t), '[]'::json) from (${queries[k]}) t) as ${sql.identifier(k)}`),
    sql`, `,
  );
  const [row] = await queryRows<Record<K, unknown[] | string>>(db, sql`select ${columns}`);
  // postgres.js and PGlite both parse json; a driver that did not would hand over the text.
  return Object.fromEntries(keys.map((k) => [k, typeof row![k] === "string" ? JSON.parse(row![k]) : row![k]])) as Record<K, unknown[]>;
}
