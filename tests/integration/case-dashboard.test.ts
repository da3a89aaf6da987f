import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseStatuses, rootCauses, type CaseStatus } from "~/lib/codes";
import { cases } from "~/db/schema";
import { caseDashboard } from "~/server/services/case/dashboard";
import type { CreateCaseInput } from "~/server/services/case/schemas";
import type { Actor } from "~/server/scope";
import { todayInChina } from "~/server/services/meeting/schemas";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";
import { fieldErrorsOf, outcomeOf } from "./trpc-expect";

/** The accountability dashboard: counts per quarter/category/form/status/cause, overdue items, repeated units, scope. */
const t = useTreeDb();
type Caller = ReturnType<typeof callerFor>;
let admin: Caller, reviewerA: Caller, reviewerB: Caller, leaderA: Caller, staffBranchA: Caller, staffA1: Caller;
let adminActor: Actor;

type Made = { id: number; unitId: number; quarter: string } & Pick<CreateCaseInput, "category" | "form" | "rootCause"> & {
    status: CaseStatus;
  };
const made: Made[] = [];
const range = { from: "2025Q4", to: "2026Q1" };

/** Opens a case through case.create, then back-dates its quarter (create always stamps today's). */
async function open(by: Caller, unitId: number, quarter: string, over: Partial<CreateCaseInput>) {
  const input: CreateCaseInput = {
    unitId,
    subject: "organisation",
    category: "leadership",
    rootCause: "misperception",
    form: "notice",
    facts: "党建工作计划照搬上级文件，未结合实际。",
    ...over,
  };
  const { id } = await by.case.create(input);
  await t.db.update(cases).set({ quarter }).where(eq(cases.id, id));
  const row = {
    id,
    unitId,
    quarter,
    category: input.category,
    form: input.form,
    rootCause: input.rootCause,
    status: "opened" as CaseStatus,
  };
  made.push(row);
  return row;
}

async function move(by: Caller, row: Made, ...to: Exclude<CaseStatus, "opened">[]) {
  for (const s of to) await by.case.transition({ id: row.id, to: s, comment: `转为${s}` });
  row.status = to.at(-1)!;
}

// What the dashboard should say, computed from the cases this file made.
function expected(unitIds: number[], filter: { from: string; to: string; category?: string }) {
  const rows = made.filter(
    (c) =>
      unitIds.includes(c.unitId) &&
      c.quarter >= filter.from &&
      c.quarter <= filter.to &&
      (!filter.category || c.category === filter.category),
  );
  const tally = <K extends string>(key: (c: Made) => K) => {
    const m = new Map<K, number>();
    for (const c of rows) m.set(key(c), (m.get(key(c)) ?? 0) + 1);
    return m;
  };
  const perUnit = tally((c) => String(c.unitId));
  return {
    rows,
    byQuarterCategory: [...tally((c) => `${c.quarter}|${c.category}`)].map(([k, count]) => ({
      quarter: k.split("|")[0]!,
      category: k.split("|")[1]!,
      count,
    })),
    byQuarterForm: [...tally((c) => `${c.quarter}|${c.form}`)].map(([k, count]) => ({
      quarter: k.split("|")[0]!,
      form: k.split("|")[1]!,
      count,
    })),
    byStatus: caseStatuses.map((status) => ({ status, count: rows.filter((c) => c.status === status).length })),
    rootCauses: Object.fromEntries(rootCauses.map((r) => [r, rows.filter((c) => c.rootCause === r).length])),
    repeated: [...perUnit].filter(([, n]) => n >= 2).map(([unitId, count]) => ({ unitId: Number(unitId), count })),
  };
}

const byKey = <T extends { quarter: string }>(rows: T[], key: keyof T) =>
  [...rows].sort((a, b) => `${a.quarter}${String(a[key])}`.localeCompare(`${b.quarter}${String(b[key])}`));

let overdueCase: Made, soonCase: Made;

beforeAll(async () => {
  const { root, branchA, leafA1, leafA2, branchB, leafB1 } = t.tree;
  adminActor = await createActor(t.db, "admin", root);
  admin = callerFor(t.db, adminActor);
  reviewerA = callerFor(t.db, await createActor(t.db, "reviewer", branchA));
  reviewerB = callerFor(t.db, await createActor(t.db, "reviewer", branchB));
  leaderA = callerFor(t.db, await createActor(t.db, "leader", branchA));
  staffBranchA = callerFor(t.db, await createActor(t.db, "staff", branchA));
  staffA1 = callerFor(t.db, await createActor(t.db, "staff", leafA1));

  // Branch A: leafA1 has three cases in range (and one before it), leafA2 one, branchA itself one.
  const closed = await open(reviewerA, leafA1.id, "2025Q4", { subject: "secretary", form: "admonition" });
  await move(reviewerA, closed, "investigating", "decided", "closed");
  const investigating = await open(reviewerA, leafA1.id, "2026Q1", {});
  await move(reviewerA, investigating, "investigating");
  overdueCase = await open(reviewerA, leafA1.id, "2026Q1", { category: "inner_life", form: "inspection", rootCause: "poor_planning" });
  await open(reviewerA, leafA1.id, "2024Q1", { category: "methods", rootCause: "inexperience" });
  soonCase = await open(reviewerA, leafA2.id, "2026Q1", { subject: "leader", category: "two_skins", rootCause: "unclear_orientation" });
  await open(admin, branchA.id, "2026Q1", { category: "responsibility", form: "reorganisation", rootCause: "part_time_staff" });
  // Branch B: leafB1 has two inner_life cases.
  await open(reviewerB, leafB1.id, "2025Q4", { category: "inner_life" });
  await open(reviewerB, leafB1.id, "2026Q1", {
    subject: "member",
    category: "inner_life",
    form: "discipline",
    rootCause: "part_time_staff",
  });

  // Rectification items: past and open (overdue), past and done, future.
  await move(reviewerA, overdueCase, "investigating", "decided", "rectifying");
  await reviewerA.case.addItem({ caseId: overdueCase.id, description: "限期补开组织生活会", owner: "支部书记", deadline: "2021-06-01" });
  await move(reviewerA, soonCase, "investigating", "decided");
  await reviewerA.case.addItem({ caseId: soonCase.id, description: "过期未改", owner: "王委员", deadline: "2020-01-01" });
  const done = await reviewerA.case.addItem({ caseId: soonCase.id, description: "过期已改", owner: "赵委员", deadline: "2020-01-02" });
  await reviewerA.case.completeItem({ itemId: done.id });
  await reviewerA.case.addItem({ caseId: soonCase.id, description: "未到期", owner: "钱委员", deadline: "2099-01-01" });
});

describe("case.dashboard counts", () => {
  it("equal the cases created in the subtree and range, per quarter × category, quarter × form, status and cause", async () => {
    const { root, branchA, leafA1, leafA2, leafB1 } = t.tree;
    const got = await admin.case.dashboard({ unitId: root.id, ...range });
    const want = expected([branchA.id, leafA1.id, leafA2.id, leafB1.id], range);
    expect(want.rows).toHaveLength(7); // sanity: the 2024Q1 case is outside the range
    expect(got).toMatchObject({
      unitId: root.id,
      unitName: root.name,
      from: "2025Q4",
      to: "2026Q1",
      quarters: ["2025Q4", "2026Q1"],
      total: 7,
    });
    expect(byKey(got.byQuarterCategory, "category")).toEqual(byKey(want.byQuarterCategory, "category"));
    expect(byKey(got.byQuarterForm, "form")).toEqual(byKey(want.byQuarterForm, "form"));
    expect(got.byStatus).toEqual(want.byStatus);
    expect(got.status).toEqual({ open: 6, closed: 1 });
    expect(Object.fromEntries(got.rootCauses.map((r) => [r.rootCause, r.count]))).toEqual(want.rootCauses);
    const counts = got.rootCauses.map((r) => r.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("lists units with two or more cases in range, most first, with their last quarter", async () => {
    const { root, leafA1, leafB1 } = t.tree;
    const got = await admin.case.dashboard({ unitId: root.id, ...range });
    expect(got.repeatedUnits).toEqual([
      { unitId: leafA1.id, unitName: leafA1.name, count: 3, lastQuarter: "2026Q1" },
      { unitId: leafB1.id, unitName: leafB1.name, count: 2, lastQuarter: "2026Q1" },
    ]);
    // A wider range takes in leafA1's 2024Q1 case.
    const wider = await admin.case.dashboard({ unitId: root.id, from: "2024Q1", to: "2026Q1" });
    expect(wider.repeatedUnits[0]).toEqual({ unitId: leafA1.id, unitName: leafA1.name, count: 4, lastQuarter: "2026Q1" });
    expect(wider.byQuarterCategory).toContainEqual({ quarter: "2024Q1", category: "methods", count: 1 });
  });

  it("narrows every figure to one category", async () => {
    const { root, branchA, leafA1, leafA2, leafB1 } = t.tree;
    const got = await admin.case.dashboard({ unitId: root.id, ...range, category: "inner_life" });
    const want = expected([branchA.id, leafA1.id, leafA2.id, leafB1.id], { ...range, category: "inner_life" });
    expect(got.total).toBe(3);
    expect(got.category).toBe("inner_life");
    expect(new Set(got.byQuarterCategory.map((r) => r.category))).toEqual(new Set(["inner_life"]));
    expect(byKey(got.byQuarterCategory, "category")).toEqual(byKey(want.byQuarterCategory, "category"));
    expect(got.byStatus).toEqual(want.byStatus);
    expect(got.repeatedUnits.map((u) => [u.unitId, u.count])).toEqual([[leafB1.id, 2]]);
    // The overdue item belongs to an inner_life case; the two_skins case's item drops out.
    expect(got.overdue.list.map((i) => i.caseId)).toEqual([overdueCase.id]);
    const none = await admin.case.dashboard({ unitId: root.id, ...range, category: "vanguard" });
    expect(none).toMatchObject({ total: 0, byQuarterCategory: [], byQuarterForm: [], status: { open: 0, closed: 0 }, repeatedUnits: [] });
  });
});

describe("overdue rectification items", () => {
  it("count items past their deadline and not done, oldest first with days overdue; done and future ones are not", async () => {
    const got = await leaderA.case.dashboard({ unitId: t.tree.branchA.id, ...range });
    expect(got.overdue.items).toBe(2);
    expect(got.overdue.cases).toBe(2);
    const today = todayInChina();
    const days = (d: string) => Math.round((Date.parse(today) - Date.parse(d)) / 86_400_000);
    expect(got.overdue.list).toEqual([
      expect.objectContaining({
        caseId: soonCase.id,
        unitId: t.tree.leafA2.id,
        unitName: t.tree.leafA2.name,
        description: "过期未改",
        owner: "王委员",
        deadline: "2020-01-01",
        daysOverdue: days("2020-01-01"),
      }),
      expect.objectContaining({
        caseId: overdueCase.id,
        unitId: t.tree.leafA1.id,
        description: "限期补开组织生活会",
        deadline: "2021-06-01",
        daysOverdue: days("2021-06-01"),
      }),
    ]);
  });

  it("an item due today is not overdue yet; due yesterday it is, by one day (Beijing dates)", async () => {
    const input = { unitId: t.tree.leafA2.id, ...range };
    const atDeadline = await caseDashboard({ db: t.db, actor: adminActor }, input, "2020-01-01");
    expect(atDeadline.overdue).toEqual({ items: 0, cases: 0, list: [] });
    const dayAfter = await caseDashboard({ db: t.db, actor: adminActor }, input, "2020-01-02");
    expect(dayAfter.overdue.items).toBe(1);
    expect(dayAfter.overdue.list).toEqual([expect.objectContaining({ description: "过期未改", daysOverdue: 1 })]);
  });
});

describe("scope", () => {
  it("a reviewer of branch A sees none of branch B's cases and cannot ask for B or the root", async () => {
    const { root, branchA, branchB, leafB1 } = t.tree;
    const got = await reviewerA.case.dashboard({ unitId: branchA.id, ...range });
    expect(got.total).toBe(5);
    expect(got.repeatedUnits.map((u) => u.unitId)).not.toContain(leafB1.id);
    expect(await outcomeOf(reviewerA.case.dashboard({ unitId: branchB.id, ...range }))).toBe("FORBIDDEN");
    expect(await outcomeOf(reviewerA.case.dashboard({ unitId: root.id, ...range }))).toBe("FORBIDDEN");
    const b = await reviewerB.case.dashboard({ unitId: branchB.id, ...range });
    expect(b.total).toBe(2);
    expect(b.overdue.items).toBe(0);
  });

  it("staff see their own unit's cases only, never the subtree below it, as case.list does", async () => {
    const { branchA, leafA1 } = t.tree;
    const own = await staffBranchA.case.dashboard({ unitId: branchA.id, ...range });
    expect(own).toMatchObject({ total: 1, ownUnitOnly: true });
    expect((await leaderA.case.dashboard({ unitId: branchA.id, ...range })).ownUnitOnly).toBe(false);
    expect(own.byQuarterCategory).toEqual([{ quarter: "2026Q1", category: "responsibility", count: 1 }]);
    expect(own.overdue.items).toBe(0);
    const listed = await staffBranchA.case.list({ unitId: branchA.id });
    expect(listed.cases.filter((c) => c.quarter >= range.from && c.quarter <= range.to)).toHaveLength(own.total);
    const leaf = await staffA1.case.dashboard({ unitId: leafA1.id, ...range });
    expect(leaf.total).toBe(3);
    expect(await outcomeOf(staffA1.case.dashboard({ unitId: branchA.id, ...range }))).toBe("FORBIDDEN");
  });

  it("an unknown unit is NOT_FOUND and a signed-out caller UNAUTHORIZED", async () => {
    expect(await outcomeOf(admin.case.dashboard({ unitId: 999_999, ...range }))).toBe("NOT_FOUND");
    expect(await outcomeOf(callerFor(t.db, null).case.dashboard({ unitId: t.tree.root.id, ...range }))).toBe("UNAUTHORIZED");
  });
});

describe("bad input", () => {
  it("names the field: reversed or too long range, malformed quarter, unknown category", async () => {
    const unitId = t.tree.root.id;
    expect((await fieldErrorsOf(admin.case.dashboard({ unitId, from: "2026Q2", to: "2026Q1" }))).from).toMatch(/起始季度不能晚于结束季度/);
    expect((await fieldErrorsOf(admin.case.dashboard({ unitId, from: "2010Q1", to: "2026Q1" }))).from).toMatch(/不能超过 40 个季度/);
    expect(await outcomeOf(admin.case.dashboard({ unitId, from: "2016Q3", to: "2026Q2" }))).toBe("ok"); // exactly 40
    expect((await fieldErrorsOf(admin.case.dashboard({ unitId, from: "2026Q5", to: "2026Q1" }))).from).toMatch(/YYYYQn/);
    expect((await fieldErrorsOf(admin.case.dashboard({ unitId, ...range, category: "sports" as never }))).category).toMatch(/问题类别/);
    expect((await fieldErrorsOf(admin.case.dashboard({ unitId: -1, ...range }))).unitId).toMatch(/单位编号/);
  });
});
