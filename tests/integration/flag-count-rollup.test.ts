import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "~/db/client";
import { dutyReports, meetings } from "~/db/schema";
import { refreshDutyReportCopy } from "~/server/services/assessment/duty-copy";
import { liveFlagCounts, meetingFlagCounts } from "~/server/services/meeting/flags";
import { rebuildCountRollups } from "~/server/services/rollup/tree-counts";
import type { Actor } from "~/server/scope";
import { callerFor, createActor } from "../factories";
import { flagTally, naiveMeetingFlags } from "../oracles/naive";
import { copyCorpus } from "../unit/fixtures/copy-corpus";
import { freshBranch, meetingInput, minutesTexts, nearCopy } from "./meeting-fixtures";
import { workbook } from "./spreadsheet-fixtures";
import { useDemoDb, useTreeDb, type Caller } from "./test-db";

/**
 * The formalism-flag rollup (`subtree_flag_counts`, server/services/rollup/flag-counts.ts): for
 * every unit as a subtree root, the counts `dashboard.meetingQuality` reads from it equal the
 * flags counted live from the rules (`liveFlagCounts`, and the one-scan oracle `naiveMeetingFlags`)
 * — on the demo data after the seed, and after each kind of write that changes a unit's flags,
 * each through the app's own procedure or service.
 */

type UnitRef = { id: number; path: string };
type Range = { from: string; to: string };

const unitsOf = (db: Db, where = sql`true`) => queryRows<UnitRef>(db, sql`select id, path from units u where ${where} order by path`);

/** Rollup vs live counts for each unit and range, as `actor` (who must read every unit's whole subtree); the differences. */
async function flagDifferences(db: Db, actor: Actor, units: UnitRef[], ranges: Range[]): Promise<string[]> {
  const out: string[] = [];
  for (const u of units) {
    for (const range of ranges) {
      const rollup = await meetingFlagCounts(db, actor, u, range);
      const live = await liveFlagCounts(db, actor, u, range);
      if (!sameCounts(rollup, live)) {
        out.push(`unit ${u.id} ${range.from}–${range.to}: rollup ${JSON.stringify(rollup)} live ${JSON.stringify(live)}`);
      }
    }
  }
  return out;
}

const sameCounts = (a: { total: number; kinds: object }, b: { total: number; kinds: object }) =>
  a.total === b.total && JSON.stringify(Object.entries(a.kinds).sort()) === JSON.stringify(Object.entries(b.kinds).sort());

/** The rollup's rows in a fixed order. */
const rollupRows = (db: Db) => queryRows(db, sql`select root_unit_id, quarter, kind, flags from subtree_flag_counts order by 1, 2, 3`);

describe("the flag-count rollup on the demo data", () => {
  const t = useDemoDb(new Date("2026-12-06T04:00:00Z"));
  let admin: Actor;
  let span: Range;

  beforeAll(async () => {
    const [root] = await unitsOf(t.db, sql`u.parent_id is null`);
    admin = await createActor(t.db, "admin", root!);
    const [q] = await queryRows<Range>(t.db, sql`select min(quarter) as "from", max(quarter) as "to" from meetings`);
    span = q!;
  });

  it("equals the live counts for every unit, over every quarter with meetings and over single quarters", async () => {
    const units = await unitsOf(t.db);
    const quarters = (await queryRows<{ q: string }>(t.db, sql`select distinct quarter as q from meetings order by 1`)).map((r) => r.q);
    expect(await flagDifferences(t.db, admin, units, [span])).toEqual([]);
    const some = await unitsOf(
      t.db,
      sql`u.depth <= 1 or exists (select 1 from meetings m where m.unit_id = u.id and m.copied_from_id is not null)`,
    );
    expect(
      await flagDifferences(
        t.db,
        admin,
        some,
        quarters.map((q) => ({ from: q, to: q })),
      ),
    ).toEqual([]);
    // The demo plants flags of several kinds, so the comparison is not of zeros.
    const whole = await meetingFlagCounts(t.db, admin, units[0]!, span);
    expect(whole.total).toBeGreaterThan(20);
    expect(Object.keys(whole.kinds).length).toBeGreaterThanOrEqual(3);
  });

  it("equals the one-scan oracle for the whole tree (the dashboard's flagCounts)", async () => {
    const [root] = await unitsOf(t.db, sql`u.parent_id is null`);
    const naive = await naiveMeetingFlags({ db: t.db, actor: admin }, { unitId: root!.id, ...span });
    const q = await callerFor(t.db, admin).dashboard.meetingQuality({ unitId: root!.id, ...span });
    expect(q.flagCounts).toEqual({ total: naive.length, kinds: flagTally(naive) });
  });

  it("a rebuild gives the rows the seed left, and so does migration 0028's backfill", async () => {
    const kept = await rollupRows(t.db);
    expect(kept.length).toBeGreaterThan(0);
    await t.db.transaction((tx) => rebuildCountRollups(tx));
    expect(await rollupRows(t.db)).toEqual(kept);
    const migration = readFileSync(path.join("db", "migrations", "0028_subtree_flag_counts.sql"), "utf8");
    const backfill = migration.split("--> statement-breakpoint").find((s) => /insert into/i.test(s))!;
    await t.db.execute(sql`delete from subtree_flag_counts`);
    await t.db.execute(sql.raw(backfill));
    expect(await rollupRows(t.db)).toEqual(kept);
  });

  it("has teeth: a meeting written without its refresh shows as a difference", async () => {
    const [unit] = await unitsOf(t.db, sql`u.type = 'branch' and u.active`);
    const [m] = await t.db
      .insert(meetings)
      .values({
        unitId: unit!.id,
        type: "org_life",
        date: "2025-11-03",
        quarter: "2025Q4",
        expected: 9,
        present: 3,
        topic: "绕过刷新",
        criticalOpinions: 0,
        qualityScore: 55,
      })
      .returning();
    expect(await flagDifferences(t.db, admin, [unit!], [{ from: "2025Q4", to: "2025Q4" }])).not.toEqual([]);
    await t.db.delete(meetings).where(eq(meetings.id, m!.id));
    expect(await flagDifferences(t.db, admin, [unit!], [{ from: "2025Q4", to: "2025Q4" }])).toEqual([]);
  });

  it("is read only where the caller reads the whole subtree: staff of a unit with children get their own unit's flags", async () => {
    const [parent] = await queryRows<UnitRef>(
      t.db,
      sql`select p.id, p.path from units p
           where exists (select 1 from units c join meetings m on m.unit_id = c.id where c.parent_id = p.id
                           and (m.critical_opinions = 0 or m.present * 3 < m.expected * 2 or m.copied_from_id is not null))
           order by p.depth desc, p.id limit 1`,
    );
    const staff = await createActor(t.db, "staff", parent!);
    const own = await naiveMeetingFlags({ db: t.db, actor: staff }, { unitId: parent!.id, ...span });
    const q = await callerFor(t.db, staff).dashboard.meetingQuality({ unitId: parent!.id, ...span });
    expect(q.flagCounts).toEqual({ total: own.length, kinds: flagTally(own) });
    // … which differ from the subtree's (the rollup's row of that unit).
    expect(q.flagCounts).not.toEqual(await meetingFlagCounts(t.db, admin, parent!, span));
  });
});

describe("the flag-count rollup after each kind of write", () => {
  const t = useTreeDb();
  let admin: Caller;
  let adminActor: Actor;
  let a: UnitRef & { depth: number };
  let b: UnitRef & { depth: number };
  let c: UnitRef & { depth: number };
  const year: Range = { from: "2025Q1", to: "2025Q4" };
  const ranges = [year, ...["2025Q1", "2025Q2", "2025Q3", "2025Q4"].map((q) => ({ from: q, to: q }))];

  /** Every unit (all of them are ancestors or touched here): rollup = live, and the root's counts = the oracle's. */
  async function expectExact() {
    expect(await flagDifferences(t.db, adminActor, await unitsOf(t.db), ranges)).toEqual([]);
    const naive = await naiveMeetingFlags({ db: t.db, actor: adminActor }, { unitId: t.tree.root.id, ...year });
    expect(await meetingFlagCounts(t.db, adminActor, t.tree.root, year)).toEqual({ total: naive.length, kinds: flagTally(naive) });
    return flagTally(naive);
  }
  const meet = (unitId: number, over: Parameters<typeof meetingInput>[1]) => admin.meeting.create(meetingInput(unitId, over));
  const load = async (id: number) => (await t.db.select().from(meetings).where(eq(meetings.id, id)))[0]!;
  const fieldsOf = (unitId: number, over: Parameters<typeof meetingInput>[1]) => {
    const { unitId: _u, ...fields } = meetingInput(unitId, over);
    return fields;
  };

  beforeAll(async () => {
    adminActor = await createActor(t.db, "admin", t.tree.root);
    admin = callerFor(t.db, adminActor);
    a = await freshBranch(t.db, "甲汇总支部", t.tree.branchA);
    b = await freshBranch(t.db, "乙汇总支部", t.tree.branchA);
    c = await freshBranch(t.db, "丙汇总支部", t.tree.branchB);
  });

  it("meeting.create raises and meeting.update / delete clear zero_criticism and low_attendance", async () => {
    const silent = await meet(a.id, { type: "org_life", date: "2025-05-10", criticalOpinions: 0 });
    const thin = await meet(b.id, { date: "2025-04-10", expected: 12, present: 7 });
    expect(await expectExact()).toMatchObject({ zero_criticism: 1, low_attendance: 1 });
    // Criticism raised after all; the thin meeting moved to another quarter, then properly attended.
    const s = await load(silent.id);
    await admin.meeting.update({
      id: s.id,
      version: s.version,
      ...fieldsOf(a.id, { type: "org_life", date: "2025-05-10", criticalOpinions: 2 }),
    });
    const m = await load(thin.id);
    const moved = await admin.meeting.update({
      id: m.id,
      version: m.version,
      ...fieldsOf(b.id, { date: "2025-07-10", expected: 12, present: 7 }),
    });
    expect(await expectExact()).toEqual({ low_attendance: 1 });
    await admin.meeting.update({ id: m.id, version: moved.version, ...fieldsOf(b.id, { date: "2025-07-10", expected: 12, present: 11 }) });
    expect(await expectExact()).toEqual({});
    const again = await meet(c.id, { type: "democratic_life", date: "2025-11-10", criticalOpinions: 0, present: 3 });
    expect(await expectExact()).toEqual({ zero_criticism: 1, low_attendance: 1 });
    await admin.meeting.delete({ id: again.id, version: 1 });
    expect(await expectExact()).toEqual({});
  });

  it("quarter_end_bunching follows the unit's other meetings of the quarter", async () => {
    const late = [];
    for (const date of ["2025-09-21", "2025-09-26", "2025-09-29"]) late.push(await meet(c.id, { date }));
    expect(await expectExact()).toEqual({ quarter_end_bunching: 1 });
    // An earlier meeting that quarter clears it; moving it into the last days raises it again.
    const early = await meet(c.id, { date: "2025-08-02" });
    expect(await expectExact()).toEqual({});
    const e = await load(early.id);
    const moved = await admin.meeting.update({ id: e.id, version: e.version, ...fieldsOf(c.id, { date: "2025-09-30" }) });
    expect(await expectExact()).toEqual({ quarter_end_bunching: 1 });
    await admin.meeting.delete({ id: late[0]!.id, version: 1 });
    await admin.meeting.delete({ id: late[1]!.id, version: 1 });
    expect(await expectExact()).toEqual({});
    await admin.meeting.delete({ id: early.id, version: moved.version });
    await admin.meeting.delete({ id: late[2]!.id, version: 1 });
    expect(await expectExact()).toEqual({});
  });

  it("copied minutes: another unit's flag follows the source's edit and delete (the re-match)", async () => {
    // c (under branch B) copies a's minutes (under branch A): both are flagged (another unit's meeting matches either way).
    const source = await meet(a.id, { date: "2025-05-08", minutes: minutesTexts.budget });
    const copy = await meet(c.id, { date: "2025-05-20", minutes: nearCopy(minutesTexts.budget) });
    const flagged = await expectExact();
    expect(flagged.copied_minutes).toBeGreaterThanOrEqual(1);
    expect((await load(copy.id)).copiedFromId).toBe(source.id);
    // The source's minutes rewritten: c's meeting, in the other branch, loses its match.
    const s = await load(source.id);
    const edited = await admin.meeting.update({
      id: s.id,
      version: s.version,
      ...fieldsOf(a.id, { date: "2025-05-08", minutes: minutesTexts.volunteer }),
    });
    expect((await load(copy.id)).copiedFromId).toBeNull();
    expect((await expectExact()).copied_minutes ?? 0).toBe(0);
    // Back again (c's meeting adopts it as its source), then the source deleted.
    await admin.meeting.update({
      id: s.id,
      version: edited.version,
      ...fieldsOf(a.id, { date: "2025-05-08", minutes: minutesTexts.budget }),
    });
    expect((await load(copy.id)).copiedFromId).toBe(source.id);
    expect(await expectExact()).toEqual(flagged);
    await admin.meeting.delete({ id: source.id, version: edited.version + 1 });
    expect((await load(copy.id)).copiedFromId).toBeNull();
    expect((await expectExact()).copied_minutes ?? 0).toBe(0);
    await admin.meeting.delete({ id: copy.id, version: 1 });
    expect(await expectExact()).toEqual({});
  });

  it("the spreadsheet import: its rows' flags and the copied match it gives another unit's meeting", async () => {
    // b holds the lecture's minutes, unmatched; a's imported meeting copies them (thin attendance too).
    const original = await meet(b.id, { date: "2025-06-03", minutes: minutesTexts.lecture });
    expect((await load(original.id)).copiedFromId).toBeNull();
    const file = await workbook([], [[null, a.id, "2025-06-10", "党小组会", 12, 6, "学习", "是", 1, 0, nearCopy(minutesTexts.lecture)]]);
    const result = await admin.spreadsheet.import(file);
    expect(result.imported.meetings).toBe(1);
    // b's meeting took the imported one as its source: b's flag came from a's import.
    expect((await load(original.id)).copiedFromId).not.toBeNull();
    expect(await expectExact()).toEqual({ copied_minutes: 2, low_attendance: 1 });
  });

  it("a copied duty report: a flag in the Q4 of its year, raised and cleared with its text", async () => {
    const { originals, pairs } = copyCorpus();
    const original = originals.find((d) => d.kind === "duty_report")!;
    const disguised = pairs.find((p) => p.copied && p.a.id === original.id && p.how.split("+").length === 5)!.b.text;
    const ids: number[] = [];
    for (const [unitId, text] of [
      [a.id, original.text],
      [c.id, disguised],
    ] as const) {
      const [row] = await t.db.insert(dutyReports).values({ unitId, year: 2025, text }).returning({ id: dutyReports.id });
      await t.db.transaction((tx) => refreshDutyReportCopy(tx, row!.id));
      ids.push(row!.id);
    }
    expect(await expectExact()).toMatchObject({ copied_duty_report: 1 });
    await t.db.update(dutyReports).set({ text: minutesTexts.inspection }).where(eq(dutyReports.id, ids[1]!));
    await t.db.transaction((tx) => refreshDutyReportCopy(tx, ids[1]!));
    expect((await expectExact()).copied_duty_report ?? 0).toBe(0);
    await t.db.update(dutyReports).set({ text: disguised }).where(eq(dutyReports.id, ids[1]!));
    await t.db.transaction((tx) => refreshDutyReportCopy(tx, ids[1]!));
    expect(await expectExact()).toMatchObject({ copied_duty_report: 1 });
  });

  it("unit.setActive and unit.move between subtrees (with the unit's flags)", async () => {
    const before = await expectExact();
    // An inactive unit's flags are still listed (readableFromSql keeps them): nothing changes.
    await admin.unit.setActive({ id: a.id, active: false });
    expect(await expectExact()).toEqual(before);
    await admin.unit.setActive({ id: a.id, active: true });
    // a (with its import, its copied minutes and its duty report) moves from branch A to branch B.
    const inA = await meetingFlagCounts(t.db, adminActor, t.tree.branchA, year);
    await admin.unit.move({ id: a.id, parentId: t.tree.branchB.id });
    expect(await expectExact()).toEqual(before);
    expect((await meetingFlagCounts(t.db, adminActor, t.tree.branchA, year)).total).toBeLessThan(inA.total);
  });
});
