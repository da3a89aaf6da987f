import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "~/db/client";
import { cases, meetings, rectificationItems, users } from "~/db/schema";
import { loadActor } from "~/server/auth/load-actor";
import type { FrequencyRules } from "~/server/services/meeting/completion-rules";
import { getSetting } from "~/server/services/settings/get";
import { ensureCountRollups, rebuildCountRollups } from "~/server/services/rollup/tree-counts";
import { callerFor } from "../factories";
import { caseDifferences, expectedDifferences, meetingDifferences, unitsOf } from "./count-rollups-check";
import { meetingInput } from "./meeting-fixtures";
import { useDemoDb } from "./test-db";

/**
 * The case-count and meeting-quality rollups (server/services/rollup/case-counts.ts,
 * meeting-quality.ts) equal the live counts on the demo data, and stay equal after every kind
 * of write that changes what they count — each write through the app's own procedure.
 */
const t = useDemoDb(new Date("2026-12-06T04:00:00Z"));
let admin: ReturnType<typeof callerFor>;
let rules: FrequencyRules;
let span: { from: string; to: string };
const today = "2026-12-06";

/** Days around every pending deadline, so each case is seen just before and just after it is overdue. */
async function days() {
  const rows = await queryRows<{ d: string }>(
    t.db,
    sql`select distinct (deadline + k)::text as d from rectification_items, generate_series(0, 1) k order by 1`,
  );
  return ["2000-01-01", today, "2999-12-31", ...rows.map((r) => r.d)];
}

/** The ranges the charts are read over: all, one Q4 alone (yearly rules), from a mid-year quarter on. */
const ranges = () => [span, { from: "2025Q4", to: "2025Q4" }, { from: "2025Q3", to: span.to }];

/** The days a write's check reads the cases on: before, on, and after the deadlines the tests give. */
const writeDays = ["2000-01-01", today, "2026-12-21", "2027-01-11"];

/** Every unit that has children, and the units given (the ones a write touched): rollup = live. */
async function expectRollupsMatch(what: { cases?: boolean; meetings?: boolean; units?: boolean }, ...touched: number[]) {
  const units = await unitsOf(
    t.db,
    sql`exists (select 1 from units c where c.parent_id = u.id) or u.id in (${sql.join(
      [0, ...touched].map((id) => sql`${id}::int`),
      sql`, `,
    )})`,
  );
  if (what.cases) expect(await caseDifferences(t.db, units, writeDays)).toEqual([]);
  if (what.meetings) expect(await meetingDifferences(t.db, units, ranges().slice(0, 2), rules)).toEqual([]);
  if (what.units) expect(await expectedDifferences(t.db, units, spanQuarters)).toEqual([]);
}
const cases_ = { cases: true };
const meetings_ = { meetings: true };
const both = { cases: true, meetings: true, units: true };
const unitWrite = { meetings: true, units: true };
/** Quarters around the demo's and a new unit's reporting spans. */
const spanQuarters = ["2020Q1", "2024Q4", "2025Q4", "2026Q3", "2026Q4", "2027Q1", "2027Q4"];

beforeAll(async () => {
  const [row] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, "admin"));
  admin = callerFor(t.db, await loadActor(t.db, row!.id));
  rules = await getSetting(t.db, "meetingFrequencies");
  const [q] = await queryRows<{ from: string; to: string }>(t.db, sql`select min(quarter) as "from", max(quarter) as "to" from meetings`);
  span = q!;
});

describe("count rollups on the demo data", () => {
  it("count the units expected per quarter as the live query does, for every unit", async () => {
    expect(await expectedDifferences(t.db, await unitsOf(t.db), spanQuarters)).toEqual([]);
  });

  it("equal the live counts for every unit, on every day a case turns overdue", async () => {
    const units = await unitsOf(t.db);
    const [n] = await queryRows<{ open: number }>(t.db, sql`select count(*)::int as open from cases where status <> 'closed'`);
    expect(n!.open).toBeGreaterThan(0);
    expect(await caseDifferences(t.db, units, await days())).toEqual([]);
  });

  it("equal the live meeting-quality charts for every unit, under the rules in force and under others", async () => {
    const units = await unitsOf(t.db);
    expect(await meetingDifferences(t.db, units, ranges(), rules)).toEqual([]);
    // The rollups hold no rule: a yearly 党课 rule and a 支委会 every quarter read right from the same rows.
    const other: FrequencyRules = { ...rules, party_lecture: { min: 2, per: "year" }, committee: { min: 2, per: "quarter" } };
    expect(await meetingDifferences(t.db, units, ranges(), other)).toEqual([]);
  });

  it("a rebuild gives the rows the writes keep", async () => {
    const before = await queryRows(t.db, sql`select * from subtree_meeting_counts order by 1, 2, 3, 4, 5, 6, 7`);
    await t.db.transaction((tx) => rebuildCountRollups(tx));
    expect(await queryRows(t.db, sql`select * from subtree_meeting_counts order by 1, 2, 3, 4, 5, 6, 7`)).toEqual(before);
  });

  it("the start-up builds them when they are empty (a database migrated from before 0023), and only then", async () => {
    const count = sql`select (select count(*) from subtree_case_counts) + (select count(*) from subtree_report_spans)
      + (select count(*) from subtree_unit_kinds) + (select count(*) from subtree_meeting_counts)
      + (select count(*) from subtree_meeting_scores) as n`;
    const [full] = await queryRows<{ n: number | string }>(t.db, count);
    expect(await ensureCountRollups(t.db)).toBe(false);
    for (const table of [
      "subtree_case_counts",
      "subtree_report_spans",
      "subtree_unit_kinds",
      "subtree_meeting_counts",
      "subtree_meeting_scores",
    ]) {
      await t.db.execute(sql`delete from ${sql.identifier(table)}`);
    }
    expect(await ensureCountRollups(t.db)).toBe(true);
    const [again] = await queryRows<{ n: number | string }>(t.db, count);
    expect(Number(again!.n)).toBe(Number(full!.n));
  });
});

describe("the check has teeth", () => {
  it("a case or a meeting written without its refresh shows as a difference", async () => {
    const [unit] = await unitsOf(t.db, sql`u.type = 'branch' and u.active`);
    const [c] = await t.db
      .insert(cases)
      .values({
        unitId: unit!.id,
        subject: "organisation",
        category: "inner_life",
        rootCause: "poor_planning",
        form: "inspection",
        facts: "绕过刷新",
        quarter: "2026Q4",
      })
      .returning();
    expect(await caseDifferences(t.db, [unit!], [today])).not.toEqual([]);
    await t.db.delete(cases).where(eq(cases.id, c!.id));
    const [m] = await t.db
      .insert(meetings)
      .values({
        unitId: unit!.id,
        type: "group",
        date: "2025-11-03",
        quarter: "2025Q4",
        expected: 9,
        present: 9,
        topic: "绕过刷新",
        qualityScore: 55,
      })
      .returning();
    expect(await meetingDifferences(t.db, [unit!], [{ from: "2025Q4", to: "2025Q4" }], rules)).not.toEqual([]);
    await t.db.delete(meetings).where(eq(meetings.id, m!.id));
    expect(await caseDifferences(t.db, [unit!], [today])).toEqual([]);
    expect(await meetingDifferences(t.db, [unit!], [{ from: "2025Q4", to: "2025Q4" }], rules)).toEqual([]);
  });
});

describe("count rollups after each kind of write", () => {
  let leaf: { id: number; path: string };
  let caseId: number;

  beforeAll(async () => {
    // A 党支部 whose 2026Q3 and 2026Q4 reports are not approved (meetings may be written in both).
    const [row] = await queryRows<{ id: number; path: string }>(
      t.db,
      sql`select u.id, u.path from units u where u.type = 'branch' and u.active
            and not exists (select 1 from reports r where r.unit_id = u.id and r.quarter in ('2026Q3', '2026Q4') and r.status = 'approved')
          order by u.id limit 1`,
    );
    leaf = row!;
  });

  it("case.create", async () => {
    caseId = (
      await admin.case.create({
        unitId: leaf.id,
        subject: "organisation",
        category: "inner_life",
        rootCause: "poor_planning",
        form: "inspection",
        facts: "三会一课流于形式，会议记录雷同。",
      })
    ).id;
    await expectRollupsMatch(cases_, leaf.id);
  });

  it("case.addItem and case.completeItem (the overdue count moves with the deadline)", async () => {
    const item = await admin.case.addItem({ caseId, description: "重新组织学习", owner: "支部书记", deadline: "2026-12-20" });
    await admin.case.addItem({ caseId, description: "补齐会议记录", owner: "组织委员", deadline: "2027-01-10" });
    await expectRollupsMatch(cases_, leaf.id);
    await admin.case.completeItem({ itemId: item.id });
    await expectRollupsMatch(cases_, leaf.id);
  });

  it("case.transition, up to closed", async () => {
    await admin.case.transition({ id: caseId, to: "investigating", comment: "调查" });
    await expectRollupsMatch(cases_, leaf.id);
    const open = await t.db.select({ id: rectificationItems.id }).from(rectificationItems).where(eq(rectificationItems.caseId, caseId));
    for (const i of open) await admin.case.completeItem({ itemId: i.id }).catch(() => undefined);
    for (const to of ["decided", "rectifying", "closed"] as const) await admin.case.transition({ id: caseId, to, comment: to });
    const [row] = await t.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
    expect(row!.status).toBe("closed");
    await expectRollupsMatch(cases_, leaf.id);
  });

  it("meeting.create, meeting.update (into another quarter) and meeting.delete", async () => {
    const created = await admin.meeting.create(meetingInput(leaf.id, { type: "party_lecture", date: "2026-11-20" }));
    await expectRollupsMatch(meetings_, leaf.id);
    const [m] = await t.db.select().from(meetings).where(eq(meetings.id, created.id));
    // Into 2026Q3 as a 支委会 without a quorum: both quarters' rows and the year-to-date counts change.
    const { unitId: _unitId, ...fields } = meetingInput(leaf.id, { type: "committee", date: "2026-09-21", expected: 8, present: 3 });
    const updated = await admin.meeting.update({ id: m!.id, version: m!.version, ...fields });
    await expectRollupsMatch(meetings_, leaf.id);
    await admin.meeting.delete({ id: m!.id, version: updated.version });
    await expectRollupsMatch(meetings_, leaf.id);
  });

  it("unit.create, unit.update (member count across the 支委会 line), unit.setActive and unit.move", async () => {
    const [parent] = await queryRows<{ id: number }>(t.db, sql`select parent_id as id from units where id = ${leaf.id}`);
    const made = await admin.unit.create({
      parentId: parent!.id,
      name: "汇总测试新支部",
      startQuarter: "2027Q1",
      type: "branch",
      memberCount: 5,
      secretaryIsHead: false,
      fullTimeStaff: false,
    });
    await expectRollupsMatch(unitWrite, made.id);
    await admin.unit.update({ id: leaf.id, memberCount: 3 });
    await expectRollupsMatch(unitWrite, leaf.id);
    await admin.unit.setActive({ id: made.id, active: false });
    await expectRollupsMatch(unitWrite, made.id);
    // Move the leaf (with its cases and meetings) under another parent that may hold a 党支部.
    const [target] = await queryRows<{ id: number }>(
      t.db,
      sql`select id from units where type in ('committee', 'general_branch') and active and id <> ${parent!.id}
            and path not like '%/' || ${leaf.id}::text || '/%' order by depth desc, id limit 1`,
    );
    await admin.unit.move({ id: leaf.id, parentId: target!.id });
    await expectRollupsMatch(both, leaf.id, parent!.id, target!.id);
  });
});
