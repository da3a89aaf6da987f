import { randomBytes } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import { openDb, type Db, type DbHandle } from "~/db/client";
import { migrateDb } from "~/db/migrate";
import { afterAll, beforeAll } from "vitest";
import type { Role } from "~/db/schema";
import { seedDemo } from "~/scripts/seed";
import { callerFor, createActor, createTree, seedCatalogue } from "../factories";
import { demoKey, migratedKey, pgliteTemplate, pgTemplateName, postgresTemplate } from "./test-templates";

type Tree = Awaited<ReturnType<typeof createTree>>;

export type TestDb = { db: Db; driver: "pglite" | "postgres"; close: () => Promise<void> };

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the server of TEST_DATABASE_URL (dropped again on close). Copied from a template
 * migrated once (tests/integration/test-templates.ts), not migrated per file.
 */
export function createTestDb(): Promise<TestDb> {
  return fromTemplate(migratedKey(), (handle) => migrateDb(handle));
}

/** A fresh database holding the demo data as of `now` (seedDemo), copied from a template seeded once per `now`. */
export function createDemoDb(now: Date): Promise<TestDb> {
  return fromTemplate(demoKey(now), async (handle) => {
    await migrateDb(handle);
    await seedDemo(handle.db, { now });
  });
}

/** A new database from the template `key`, which `build` makes (on an empty database) when there is none yet. */
async function fromTemplate(key: string, build: (handle: DbHandle) => Promise<void>): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const tarball = await pgliteTemplate(key, async () => {
      const handle = await openDb({ url: "", pgliteDir: null });
      try {
        await build(handle);
        return await (handle.db as unknown as { $client: PGlite }).$client.dumpDataDir("none");
      } finally {
        await handle.close();
      }
    });
    const handle = await openDb({ url: "", pgliteDir: null, pgliteLoad: tarball });
    return { db: handle.db, driver: "pglite", close: handle.close };
  }
  const { default: postgres } = await import("postgres");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const template = pgTemplateName(key);
  await postgresTemplate(admin, serverUrl, template, async (url) => {
    const handle = await openDb({ url });
    try {
      await build(handle);
    } finally {
      await handle.close();
    }
  });
  const name = `djzl_test_${randomBytes(6).toString("hex")}`;
  await admin.unsafe(`create database ${name} template ${template}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString() });
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
    Object.assign(ctx, await createDemoDb(now));
  }); // the project's hook timeout: seeding (once per run and `now`) takes a minute on a loaded machine
  afterAll(() => ctx.close?.());
  return ctx;
}
