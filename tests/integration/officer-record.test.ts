import { beforeAll, describe, expect, it } from "vitest";
import {
  appraisals,
  assessmentCycles,
  assessmentGrades,
  assessmentItems,
  cases,
  dutyReportAnswers,
  dutyReports,
  unitScores,
  type Unit,
} from "~/db/schema";
import { defaultCycleRules } from "~/lib/assessment/rules";
import { todayInChina } from "~/server/services/meeting/schemas";
import { createUnit } from "../factories";
import { relations, unitOf, type Relation } from "./authz/fixtures";
import { callersOn, useTreeDb, type Caller } from "./test-db";
import { auditRows, fieldErrorsOf, outcomeOf } from "./trpc-expect";

/**
 * The secretary record (干部考察参考): one person's years as secretary across two units — grade
 * (frozen rows; the current year 评定中), scores and quadrant, appraisal, inspections, cases,
 * last year's items answered — readable by whoever reads one of the person's units.
 */
const t = useTreeDb();
let admin: Caller, leaderA: Caller, leaderB: Caller, staffA1: Caller, staffA2: Caller, leaderRoot: Caller;
let leafA3: Unit;
let zhaoA: number; // 赵强's tenure at leafA1 (2024-03-01 … 2025-06-30)
let zhaoB: number; // … and at leafB1 from 2025-07-01
const thisYear = Number(todayInChina().slice(0, 4));
const Y = 2025;

beforeAll(async () => {
  ({ admin, leaderA, leaderB, staffA1, staffA2, leaderRoot } = await callersOn(t, {
    admin: ["admin", "root"],
    leaderA: ["leader", "branchA"],
    leaderB: ["leader", "branchB"],
    staffA1: ["staff", "leafA1"],
    staffA2: ["staff", "leafA2"],
    leaderRoot: ["leader", "root"],
  }));
  const { leafA1, leafA2, leafB1, branchA } = t.tree;
  leafA3 = await createUnit(t.db, { name: "A局第三党支部", parent: branchA });
  const a = await admin.officer.create({
    unitId: leafA1.id,
    name: "赵强",
    post: "secretary",
    fullTime: true,
    concurrentHead: false,
    from: "2024-03-01",
  });
  zhaoA = a.id;
  await admin.officer.end({ id: zhaoA, to: "2025-06-30" });
  zhaoB = (
    await admin.officer.create({
      unitId: leafB1.id,
      personId: a.personId,
      name: "赵强",
      post: "secretary",
      fullTime: false,
      concurrentHead: true,
      from: "2025-07-01",
    })
  ).id;

  // 2024 and 2025 are final; the current year is open.
  await t.db.insert(assessmentCycles).values([
    { year: 2024, status: "final", rules: defaultCycleRules(2024) },
    { year: Y, status: "final", rules: defaultCycleRules(Y) },
    { year: thisYear, status: "open", rules: defaultCycleRules(thisYear) },
  ]);
  await t.db.insert(assessmentGrades).values([
    { year: 2024, unitId: leafA1.id, officerId: zhaoA, computed: "good", score: 91, final: null },
    { year: Y, unitId: leafA1.id, computed: "fairly_good", score: 82, final: null },
    { year: Y, unitId: leafB1.id, officerId: zhaoB, computed: "average", score: 70, final: "poor", reason: "述职报告雷同" },
  ]);
  await t.db.insert(appraisals).values({ year: Y, unitId: leafA1.id, voters: 22, good: 12, fairlyGood: 5, average: 2, poor: 1 });
  // 2025's four quarters: leafA1 high business, low Party building against its siblings A2 and A3.
  const scores: [Unit, number, number][] = [
    [leafA1, 90, 60],
    [leafA2, 80, 85],
    [leafA3, 70, 80],
  ];
  for (const [u, business, composite] of scores)
    for (const q of [1, 2, 3, 4])
      await t.db.insert(unitScores).values([
        { unitId: u.id, quarter: `${Y}Q${q}`, series: "composite", regionId: branchA.id, status: "approved", score: composite },
        { unitId: u.id, quarter: `${Y}Q${q}`, series: "business", regionId: branchA.id, status: "approved", score: business },
      ]);
  // An inspection of the secretary in 2025 (linked to 赵强 by date), one of a leader (not his).
  await admin.inspection.create({
    unitId: leafA1.id,
    inspectedOn: "2025-03-10",
    subject: "secretary",
    result: "fail",
    findings: "书记不抓党建",
  });
  await admin.inspection.create({ unitId: leafA1.id, inspectedOn: "2025-03-11", subject: "leader", result: "pass" });
  // Cases of 2025: against the unit while he was secretary (in), against it after he left (out).
  await t.db.insert(cases).values([
    {
      unitId: leafA1.id,
      subject: "organisation",
      category: "inner_life",
      rootCause: "misperception",
      form: "notice",
      facts: "组织生活会流于形式",
      quarter: "2025Q2",
      createdAt: new Date("2025-05-01T04:00:00Z"),
    },
    {
      unitId: leafA1.id,
      subject: "organisation",
      category: "inner_life",
      rootCause: "misperception",
      form: "inspection",
      facts: "后任期间",
      quarter: "2025Q4",
      createdAt: new Date("2025-11-01T04:00:00Z"),
    },
  ]);
  // 2024's comment items on leafA1; the 2025 duty report answered the first one.
  const [i1, _i2] = await t.db
    .insert(assessmentItems)
    .values([
      { year: 2024, unitId: leafA1.id, position: 1, content: "规范三会一课记录", deadline: "2025-06-30" },
      { year: 2024, unitId: leafA1.id, position: 2, content: "落实谈心谈话制度", deadline: "2025-06-30" },
    ])
    .returning();
  const [report] = await t.db.insert(dutyReports).values({ year: Y, unitId: leafA1.id, text: "述职", status: "accepted" }).returning();
  await t.db.insert(dutyReportAnswers).values({ dutyReportId: report!.id, itemId: i1!.id, done: true, evidence: "已建立台账" });
  void leafA2;
});

describe("officer.record", () => {
  it("lists the person's years as secretary across both units, newest first", async () => {
    const r = await leaderRoot.officer.record({ id: zhaoA });
    expect(r.officer).toMatchObject({ name: "赵强", id: zhaoA });
    expect(r.tenures.map((x) => x.id)).toEqual([zhaoA, zhaoB]);
    expect(r.hiddenTenures).toBe(0);
    const keys = r.years.map((y) => `${y.year}:${y.unitName}`);
    const years = Array.from({ length: thisYear - 2025 + 1 }, (_, i) => thisYear - i).filter((y) => y > 2025);
    expect(keys).toEqual([...years.map((y) => `${y}:B局第一党支部`), "2025:A局第一党支部", "2025:B局第一党支部", "2024:A局第一党支部"]);
  });

  it("shows frozen grades (final over computed), the current year as pending", async () => {
    const r = await leaderRoot.officer.record({ id: zhaoB });
    const at = (year: number, unitId: number) => r.years.find((y) => y.year === year && y.unitId === unitId)!;
    expect(at(2024, t.tree.leafA1.id)).toMatchObject({ grade: "good", gradeState: "final" });
    expect(at(Y, t.tree.leafA1.id)).toMatchObject({ grade: "fairly_good", gradeState: "final", gradeChanged: false });
    expect(at(Y, t.tree.leafB1.id)).toMatchObject({ grade: "poor", gradeState: "final", gradeChanged: true });
    expect(at(thisYear, t.tree.leafB1.id)).toMatchObject({ grade: null, gradeState: "pending" });
  });

  it("never shows the root's secretary-years as pending: the root is not graded", async () => {
    const rootSecretary = await admin.officer.create({
      unitId: t.tree.root.id,
      name: "钱书记",
      post: "secretary",
      fullTime: true,
      concurrentHead: false,
      from: `${thisYear}-01-01`,
    });
    const r = await admin.officer.record({ id: rootSecretary.id });
    expect(r.years.find((y) => y.year === thisYear)).toMatchObject({ grade: null, gradeState: "none" });
  });

  it("gives the year's scores, quadrant against the siblings, appraisal, inspections, cases and items", async () => {
    const r = await leaderA.officer.record({ id: zhaoA });
    const y = r.years.find((x) => x.year === Y && x.unitId === t.tree.leafA1.id)!;
    expect(y.businessScore).toBe(90);
    expect(y.partyScore).toBe(60);
    expect(y.quadrant).toMatchObject({ basis: "siblings", compared: 3, businessLine: 80, partyLine: 75, businessOverParty: true });
    expect(y.appraisal).toMatchObject({ good: 12, valid: 20, goodRate: 0.6 });
    expect(y.inspections).toMatchObject([{ inspectedOn: "2025-03-10", result: "fail" }]);
    expect(y.cases.map((c) => c.form)).toEqual(["notice"]); // the later one was his successor's time
    expect(y.items).toMatchObject([
      { content: "规范三会一课记录", done: true, evidence: "已建立台账" },
      { content: "落实谈心谈话制度", done: null },
    ]);
    expect(y.spans).toEqual([{ from: "2025-01-01", to: "2025-06-30" }]);
  });

  it("shows a reader only the units they read, and the scope's path", async () => {
    const a = await leaderA.officer.record({ id: zhaoB }); // asked by the tenure they cannot read: the record still opens
    expect(a.tenures.map((x) => x.unitId)).toEqual([t.tree.leafA1.id]);
    expect(a.hiddenTenures).toBe(1);
    expect(a.years.every((y) => y.unitId === t.tree.leafA1.id)).toBe(true);
    expect(a.scope).toEqual([{ unitId: t.tree.leafA1.id, names: [t.tree.branchA.name, t.tree.leafA1.name] }]);
    const b = await leaderB.officer.record({ id: zhaoA });
    expect(b.tenures.map((x) => x.unitId)).toEqual([t.tree.leafB1.id]);
    expect((await staffA1.officer.record({ id: zhaoA })).tenures.length).toBe(1);
    expect(await outcomeOf(staffA2.officer.record({ id: zhaoA }))).toBe("NOT_FOUND");
    expect(await outcomeOf(staffA2.officer.record({ id: 999_999 }))).toBe("NOT_FOUND");
  });

  it("follows the scope matrix: a person at own/child opens, at parent/sibling/other is NOT_FOUND", async () => {
    const expected: Record<Relation, string> = { own: "ok", child: "ok", parent: "NOT_FOUND", sibling: "NOT_FOUND", other: "NOT_FOUND" };
    for (const relation of relations) {
      const unit = unitOf(t.tree, relation);
      const { id } = await admin.officer.create({
        unitId: unit.id,
        name: `矩阵${relation}`,
        post: "member",
        fullTime: false,
        concurrentHead: false,
        from: "2024-01-01",
      });
      expect(`${relation}:${await outcomeOf(leaderA.officer.record({ id }))}`).toBe(`${relation}:${expected[relation]}`);
    }
  });
});

describe("officer.addOutcome", () => {
  it("is entered by admins, audited, and listed on the record", async () => {
    const made = await admin.officer.addOutcome({ id: zhaoA, kind: "promoted", decidedOn: "2026-01-15", year: 2025, note: "提拔为副局长" });
    expect((await auditRows(t.db, "officer.addOutcome", zhaoA)).length).toBe(1);
    expect(await outcomeOf(leaderA.officer.addOutcome({ id: zhaoA, kind: "commended", decidedOn: "2026-01-15", year: 2025 }))).toBe(
      "FORBIDDEN",
    );
    const bad = await fieldErrorsOf(admin.officer.addOutcome({ id: zhaoA, kind: "commended", decidedOn: "2025-01-15", year: 2026 }));
    expect(bad.year).toMatch(/2026/);
    // An empty 决定日期 is missing, not misformatted.
    const empty = await fieldErrorsOf(admin.officer.addOutcome({ id: zhaoA, kind: "commended", decidedOn: "", year: 2025 }));
    expect(empty.decidedOn).toMatch(/^请填写「决定日期」（/);
    expect(empty.decidedOn).not.toMatch(/YYYY-MM-DD/);
    const r = await leaderB.officer.record({ id: zhaoB });
    expect(r.outcomes).toMatchObject([{ id: made.id, kind: "promoted", year: 2025, note: "提拔为副局长" }]);
    expect(r.canManage).toBe(false);
    expect((await admin.officer.record({ id: zhaoB })).canManage).toBe(true);
  });
});
