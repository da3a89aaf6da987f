import { randomBytes } from "node:crypto";
import { openDb, type Db } from "~/db/client";
import { migrateDb } from "~/db/migrate";
import { afterAll, beforeAll } from "vitest";
import type { Role } from "~/db/schema";
import { seedDemo } from "~/scripts/seed";
import { callerFor, createActor, createTree, seedCatalogue } from "../factories";

type Tree = Awaited<ReturnType<typeof createTree>>;

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

/** Registers beforeAll/afterAll that give a test file a fresh database with the catalogue and the scope-test tree. */
export function useTreeDb() {
  const ctx = {} as { db: Db; tree: Tree; close: () => Promise<void> };
  beforeAll(async () => {
    const t = await createTestDb();
    await seedCatalogue(t.db);
    Object.assign(ctx, { db: t.db, close: t.close, tree: await createTree(t.db) });
  });
  afterAll(() => ctx.close());
  return ctx;
}

export type Caller = ReturnType<typeof callerFor>;

/**
 * Signs in one caller per entry on the scope-test tree, e.g. `{ admin: ["admin", "root"],
 * reviewerA: ["reviewer", "branchA"] }`, in the order given (call it inside beforeAll).
 */
export async function callersOn<const S extends Record<string, readonly [Role, keyof Tree]>>(
  t: { db: Db; tree: Tree },
  spec: S,
): Promise<{ [K in keyof S]: Caller }> {
  const out = {} as Record<string, Caller>;
  for (const [name, [role, unit]] of Object.entries(spec)) out[name] = callerFor(t.db, await createActor(t.db, role, t.tree[unit]));
  return out as { [K in keyof S]: Caller };
}

/** The usual cast on the scope-test tree: an admin, branch A's reviewer and leader, A's two staff, branch B's reviewer. */
export const usualCast = {
  admin: ["admin", "root"],
  reviewerA: ["reviewer", "branchA"],
  leaderA: ["leader", "branchA"],
  staffA1: ["staff", "leafA1"],
  staffA2: ["staff", "leafA2"],
  reviewerB: ["reviewer", "branchB"],
} as const;

/** Registers beforeAll/afterAll that give a test file a fresh database seeded with the demo data as of `now`. */
export function useDemoDb(now: Date) {
  const ctx = {} as TestDb;
  beforeAll(async () => {
    Object.assign(ctx, await createTestDb());
    await seedDemo(ctx.db, { now });
  }); // the project's hook timeout: seeding takes a minute on a loaded machine
  afterAll(() => ctx.close?.());
  return ctx;
}
