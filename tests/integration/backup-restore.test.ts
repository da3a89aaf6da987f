import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDb, queryRows, type Db } from "~/db/client";
import { migrateDb } from "~/db/migrate";
import { units, users } from "~/db/schema";
import { backup, restore, type Target } from "~/scripts/backup";
import { seedDemo } from "~/scripts/seed";
import { callerFor } from "../factories";

/**
 * `npm run backup` / `npm run restore` (docs/scaling.md "Backups"): a seeded database backed up
 * and restored into a new, empty one serves the same overview, cases and audit rows — on the
 * embedded PGlite directory, and on PostgreSQL with pg_dump/pg_restore when TEST_DATABASE_URL is set.
 */
const now = new Date("2026-12-06T04:00:00Z");
const work = mkdtempSync(path.join(os.tmpdir(), "djzl-backup-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What a restored database must serve exactly as the original did. */
async function servedBy(db: Db) {
  const [admin] = await db.select().from(users).where(eq(users.username, "admin"));
  const [root] = await db.select().from(units).where(eq(units.id, admin!.unitId));
  const caller = callerFor(db, { ...admin!, unitPath: root!.path });
  const overview = await caller.dashboard.overview({ unitId: root!.id, from: "2025Q1", to: "2026Q3" });
  const cases = await caller.case.list({ unitId: root!.id });
  const audit = await queryRows<{ n: number; digest: string }>(
    db,
    sql`select count(*)::int as n, md5(string_agg(concat_ws('|', id, at, actor_id, action, entity, entity_id, unit_id, before, after), ',' order by id)) as digest from audit_log`,
  );
  return { overview, cases, audit: audit[0] };
}

describe("backup and restore", () => {
  it.skipIf(process.env.TEST_DATABASE_URL)(
    "PGlite: a data directory backed up and restored into a new one serves the same data",
    async () => {
      const source = path.join(work, "source");
      const a = await openDb({ url: "", pgliteDir: source });
      await migrateDb(a);
      let t0 = Date.now();
      await seedDemo(a.db, { now });
      console.log(`backup test: seeded in ${Date.now() - t0} ms`);
      const before = await servedBy(a.db);
      await a.close(); // the app is stopped for a PGlite backup
      const file = path.join(work, "demo.tar.gz");
      t0 = Date.now();
      const { bytes } = await backup({ pgliteDir: source }, file);
      console.log(`backup test: PGlite backup ${Date.now() - t0} ms, ${bytes} bytes`);
      expect(bytes).toBeGreaterThan(100_000);
      const target: Target = { pgliteDir: path.join(work, "restored") };
      await restore(target, file);
      await expect(restore({ pgliteDir: source }, file)).rejects.toThrow(/目标数据库不是空的/);
      const b = await openDb({ url: "", pgliteDir: path.join(work, "restored") });
      await migrateDb(b); // nothing to do: the journal came along
      expect(await servedBy(b.db)).toEqual(before);
      await b.close();
    },
    600_000,
  ); // a demo seed on files, a backup and a restore: minutes on a loaded machine

  it.runIf(process.env.TEST_DATABASE_URL)(
    "PostgreSQL: pg_dump and pg_restore into a new database serve the same data",
    async () => {
      const { default: postgres } = await import("postgres");
      const admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
      const names = [1, 2].map(() => `djzl_backup_${randomBytes(5).toString("hex")}`);
      const urlOf = (name: string) => Object.assign(new URL(process.env.TEST_DATABASE_URL!), { pathname: `/${name}` }).toString();
      try {
        for (const n of names) await admin.unsafe(`create database ${n}`);
        const a = await openDb({ url: urlOf(names[0]!) });
        await migrateDb(a);
        await seedDemo(a.db, { now });
        const before = await servedBy(a.db);
        const file = path.join(work, "demo.dump");
        await backup({ url: urlOf(names[0]!) }, file);
        await a.close();
        await restore({ url: urlOf(names[1]!) }, file);
        await expect(restore({ url: urlOf(names[1]!) }, file)).rejects.toThrow(/目标数据库不是空的/);
        const b = await openDb({ url: urlOf(names[1]!) });
        await migrateDb(b);
        expect(await servedBy(b.db)).toEqual(before);
        await b.close();
      } finally {
        for (const n of names) await admin.unsafe(`drop database if exists ${n} with (force)`);
        await admin.end();
      }
    },
    600_000,
  );
});
