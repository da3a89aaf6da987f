import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, queryRows, type Db, type DbHandle } from "~/db/client";
import { migrateDb } from "~/db/migrate";
import { starterIndicators } from "~/scripts/seed/catalogue";
import { databaseUnavailableMessage } from "~/server/lib/db-unavailable";
import { callerFor, createActor, createTree, seedCatalogue } from "../factories";
import { workbook } from "./spreadsheet-fixtures";
import { pgBinDir, startPgServer, type PgServer } from "./pg-server";
import { createTestDb, useTreeDb, type TestDb } from "./test-db";
import { trpcError } from "./trpc-expect";

// Issue #7 item 5: the database dies in the middle of a write. Nothing partial may be
// stored, the caller gets SERVICE_UNAVAILABLE with a clear message, the same Db (pool)
// serves again as soon as the database is back, and the Node process never crashes.
// PGlite runs inside this process and cannot lose its connection: PostgreSQL only.
const pgUrl = process.env.TEST_DATABASE_URL;

const requiredValues = starterIndicators
  .filter((i) => i.required && i.source !== "meetings")
  .map((i) => ({ indicatorCode: i.code, value: i.kind === "boolean" ? 1 : i.target }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every row of every table of the app, hashed per table: equal fingerprints = nothing was written. */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ n: number; h: string }>(
      db,
      sql`select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${sql.identifier(name)} t`,
    );
    out[name] = `${row!.n}:${row!.h}`;
  }
  return out;
}

/** The test's own connections: one holds the lock, one looks and terminates. Named, so they are never the target. */
const adminConnection = (url: string) => postgres(url, { max: 2, onnotice: () => {}, connection: { application_name: "db-faults-admin" } });

/** The app backend that waits on a lock held by `admin`; polls until there is one. */
async function waitingBackend(admin: postgres.Sql): Promise<number> {
  // Polls until the call arrives however slow the machine is; a call that never does fails on the test's timeout.
  for (;;) {
    const [row] = await admin<{ pid: number }[]>`
      select pid from pg_stat_activity
      where datname = current_database() and application_name <> 'db-faults-admin' and wait_event_type = 'Lock'`;
    if (row) return row.pid;
    await sleep(25);
  }
}

/** Tables a backend has written to in its open transaction (row-exclusive locks it holds). */
async function tablesWrittenBy(admin: postgres.Sql, pid: number): Promise<string[]> {
  const rows = await admin<{ relname: string }[]>`
    select c.relname from pg_locks l join pg_class c on c.oid = l.relation
    where l.pid = ${pid} and l.granted and l.mode = 'RowExclusiveLock' and c.relkind = 'r'`;
  return rows.map((r) => r.relname).sort();
}

/** Ends every connection of the app's pool to this database (the waiting one included). */
async function terminateAppBackends(admin: postgres.Sql): Promise<number> {
  const rows = await admin`
    select pg_terminate_backend(pid) from pg_stat_activity
    where datname = current_database() and application_name <> 'db-faults-admin' and backend_type = 'client backend'`;
  return rows.length;
}

/** Runs `call` while `lock` (in an open transaction of an admin connection) makes it wait; terminates it there. */
async function killWhileWaiting(admin: postgres.Sql, lock: (conn: postgres.ReservedSql) => Promise<unknown>, call: () => Promise<unknown>) {
  const conn = await admin.reserve();
  try {
    await conn`begin`;
    await lock(conn);
    const pending = call();
    pending.catch(() => {}); // awaited by the caller
    const pid = await waitingBackend(admin);
    const written = await tablesWrittenBy(admin, pid);
    expect(await terminateAppBackends(admin)).toBeGreaterThan(0);
    return { pending, written };
  } finally {
    await conn`rollback`;
    conn.release();
  }
}

/** An admin connection to the database `db` is on (test databases have random names). */
async function adminFor(db: Db): Promise<postgres.Sql> {
  const [row] = await queryRows<{ name: string }>(db, sql`select current_database() as name`);
  const url = new URL(pgUrl!);
  url.pathname = `/${row!.name}`;
  return adminConnection(url.toString());
}

async function expectUnavailable(call: Promise<unknown>) {
  const err = await trpcError(call);
  expect(err).toBeInstanceOf(TRPCError);
  expect(err.code).toBe("SERVICE_UNAVAILABLE");
  expect(err.message).toBe(databaseUnavailableMessage);
}

/** Fails a test if postgres.js (or anything) let an error escape: in production that is a crash. */
function watchForCrashes() {
  const escaped: unknown[] = [];
  const record = (e: unknown) => escaped.push(e);
  beforeAll(() => {
    process.on("uncaughtException", record);
    process.on("unhandledRejection", record);
  });
  afterAll(() => {
    process.off("uncaughtException", record);
    process.off("unhandledRejection", record);
  });
  return escaped;
}

describe.skipIf(!pgUrl)("database faults — PostgreSQL only (TEST_DATABASE_URL; skipped on PGlite)", () => {
  const escaped = watchForCrashes();

  describe("backends terminated (pg_terminate_backend) in the middle of a write", () => {
    const t = useTreeDb();
    let admin: postgres.Sql; // a second, superuser connection to the same database
    let staff: ReturnType<typeof callerFor>;
    let reviewer: ReturnType<typeof callerFor>;
    let importer: ReturnType<typeof callerFor>;

    beforeAll(async () => {
      admin = await adminFor(t.db);
      staff = callerFor(t.db, await createActor(t.db, "staff", t.tree.leafA1));
      reviewer = callerFor(t.db, await createActor(t.db, "reviewer", t.tree.branchA));
      importer = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
    });
    afterAll(() => admin?.end({ timeout: 1 }));

    it("an approval: refused with SERVICE_UNAVAILABLE, nothing stored, the next approval on the same pool succeeds", async () => {
      const key = { unitId: t.tree.leafA1.id, quarter: "2026Q1" };
      await staff.report.save({ ...key, version: 0, businessScore: 80, values: requiredValues });
      await staff.report.submit({ ...key, version: 1 });
      const before = await fingerprint(t.db);

      // The approval updates the report and the rollups, then waits to append its audit row.
      const { pending, written } = await killWhileWaiting(
        admin,
        (conn) => conn`lock table audit_log in exclusive mode`,
        () => reviewer.report.approve({ ...key, version: 2 }),
      );
      expect(written).toContain("reports");
      await expectUnavailable(pending);

      expect(await fingerprint(t.db)).toEqual(before);
      expect(await reviewer.report.get(key)).toMatchObject({ status: "submitted", version: 2 });
      expect(await reviewer.report.approve({ ...key, version: 2 })).toMatchObject({ status: "approved", version: 3 });
      expect(escaped).toEqual([]);
    });

    it("a spreadsheet import: refused with SERVICE_UNAVAILABLE after writing part of the file, nothing kept, the retry imports it all", async () => {
      const { leafA1, leafA2 } = t.tree;
      const quarter = "2026Q2";
      // leafA2's report exists, so the test can hold its row while leafA1's part is being written.
      await importer.report.save({ unitId: leafA2.id, quarter, version: 0, values: [{ indicatorCode: "V2_volunteer_rate", value: 10 }] });
      const file = await workbook([
        [leafA1.id, quarter, "V1_attendance_rate", 91],
        [leafA1.id, quarter, "BUSINESS_SCORE", 77],
        [leafA2.id, quarter, "V1_attendance_rate", 92],
      ]);
      const before = await fingerprint(t.db);

      const { pending, written } = await killWhileWaiting(
        admin,
        (conn) => conn`select id from reports where unit_id = ${leafA2.id} and quarter = ${quarter} for update`,
        () => importer.spreadsheet.import(file),
      );
      // leafA1's report, its values and its audit row were already written when it was ended.
      expect(written).toEqual(expect.arrayContaining(["audit_log", "report_values", "reports"]));
      await expectUnavailable(pending);

      expect(await fingerprint(t.db)).toEqual(before);
      expect(await importer.report.get({ unitId: leafA1.id, quarter })).toMatchObject({ version: 0, values: [] });

      expect((await importer.spreadsheet.import(file)).imported).toEqual({ reports: 2, meetings: 0 });
      expect(await importer.report.get({ unitId: leafA1.id, quarter })).toMatchObject({
        version: 1,
        businessScore: 77,
        values: expect.arrayContaining([{ indicatorCode: "V1_attendance_rate", value: 91 }]),
      });
      expect(escaped).toEqual([]);
    });

    it("idle connections of the pool terminated between calls: the next call just works", async () => {
      await reviewer.unit.tree(); // the pool holds open connections
      expect(await terminateAppBackends(admin)).toBeGreaterThan(0);
      await sleep(50);
      expect((await reviewer.unit.tree()).length).toBeGreaterThan(0);
      expect(escaped).toEqual([]);
    });
  });

  describe("a pool of a single connection (DB_POOL_SIZE=1) killed in the middle of a transaction", () => {
    let t: TestDb;
    let admin: postgres.Sql;

    beforeAll(async () => {
      const size = process.env.DB_POOL_SIZE;
      process.env.DB_POOL_SIZE = "1";
      try {
        t = await createTestDb();
      } finally {
        if (size === undefined) delete process.env.DB_POOL_SIZE;
        else process.env.DB_POOL_SIZE = size;
      }
      await seedCatalogue(t.db);
      admin = await adminFor(t.db);
    });
    afterAll(async () => {
      await admin?.end({ timeout: 1 });
      await t?.close();
    });

    it("serves the next calls at once: the killed connection's error is not replayed onto them", async () => {
      const tree = await createTree(t.db);
      const staff = callerFor(t.db, await createActor(t.db, "staff", tree.leafA1));
      const reviewer = callerFor(t.db, await createActor(t.db, "reviewer", tree.root));
      const key = { unitId: tree.leafA1.id, quarter: "2026Q1" };
      await staff.report.save({ ...key, version: 0, businessScore: 80, values: requiredValues });
      await staff.report.submit({ ...key, version: 1 });

      const { pending } = await killWhileWaiting(
        admin,
        (conn) => conn`lock table audit_log in exclusive mode`,
        () => reviewer.report.approve({ ...key, version: 2 }),
      );
      await expectUnavailable(pending);
      for (let i = 0; i < 3; i++) expect(await reviewer.report.get(key)).toMatchObject({ status: "submitted", version: 2 });
      expect(await reviewer.report.approve({ ...key, version: 2 })).toMatchObject({ status: "approved", version: 3 });
      expect(escaped).toEqual([]);
    });
  });

  // Needs initdb/pg_ctl here (not only a server somewhere); CI must have them, so there it never skips.
  describe.skipIf(!pgBinDir() && !process.env.CI)("the PostgreSQL server stopped and started again (needs initdb/pg_ctl here)", () => {
    let server: PgServer;
    let handle: DbHandle;

    beforeAll(async () => {
      server = await startPgServer();
      handle = await openDb({ url: server.url });
      await migrateDb(handle);
      await seedCatalogue(handle.db);
    });
    afterAll(async () => {
      await handle?.close().catch(() => {});
      await server?.destroy();
    });

    it("an approval in flight when it stops fails clearly; calls while it is down fail clearly; after the restart the same Db serves again", async () => {
      const db = handle.db;
      const tree = await createTree(db);
      const staff = callerFor(db, await createActor(db, "staff", tree.leafA1));
      const reviewer = callerFor(db, await createActor(db, "reviewer", tree.root));
      const key = { unitId: tree.leafA1.id, quarter: "2026Q1" };
      await staff.report.save({ ...key, version: 0, businessScore: 80, values: requiredValues });
      await staff.report.submit({ ...key, version: 1 });
      const before = await fingerprint(db);

      // Hold the approval at its audit row (a lock of a second connection), then stop the server.
      const admin = adminConnection(server.url);
      const conn = await admin.reserve();
      await conn`begin`;
      await conn`lock table audit_log in exclusive mode`;
      const pending = reviewer.report.approve({ ...key, version: 2 });
      pending.catch(() => {});
      expect(await tablesWrittenBy(admin, await waitingBackend(admin))).toContain("reports");
      await server.stop("fast");
      await expectUnavailable(pending);
      await admin.end({ timeout: 1 }).catch(() => {});

      // Down: refused at once (ECONNREFUSED), as a clear 503-class answer, not a crash.
      await expectUnavailable(reviewer.report.get(key));
      await expectUnavailable(reviewer.report.approve({ ...key, version: 2 }));

      await server.start();
      expect(await fingerprint(db)).toEqual(before);
      expect(await reviewer.report.get(key)).toMatchObject({ status: "submitted", version: 2 });
      expect(await reviewer.report.approve({ ...key, version: 2 })).toMatchObject({ status: "approved", version: 3 });
      expect(escaped).toEqual([]);
    });
  });
});
