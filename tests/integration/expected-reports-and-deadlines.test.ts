import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { reportDeadlineRules, reports, units } from "~/db/schema";
import { starterIndicators } from "~/scripts/seed/catalogue";
import { addQuarters, defaultReportingQuarter, quarterOf, reportDeadline } from "~/lib/quarter";
import { callerFor, createActor } from "../factories";
import { callersOn, useTreeDb } from "./test-db";
import { fieldErrorsOf } from "./trpc-expect";

const t = useTreeDb();
const past = defaultReportingQuarter(); // the last finished quarter, the one being reported
const running = quarterOf(new Date());
const next = addQuarters(running, 1);
let admin: ReturnType<typeof callerFor>;
let leader: ReturnType<typeof callerFor>;
const attrs = { type: "branch" as const, memberCount: 8, secretaryIsHead: false, fullTimeStaff: false };
const requiredValues = starterIndicators
  .filter((i) => i.required && i.source !== "meetings")
  .map((i) => ({ indicatorCode: i.code, value: i.kind === "boolean" ? 1 : i.target }));
const unitRow = async (id: number) => (await t.db.select().from(units).where(eq(units.id, id)))[0]!;

beforeAll(async () => {
  ({ admin, leader } = await callersOn(t, { admin: ["admin", "root"], leader: ["leader", "branchA"] }));
});

describe("a unit owes reports from the quarter it was created in (or its start quarter) until it ends", () => {
  it("a unit created today is not counted, nor told it is overdue, for the past quarter", async () => {
    const before = await leader.completeness.get({ unitId: t.tree.branchA.id, quarter: past });
    const { id } = await admin.unit.create({ parentId: t.tree.branchA.id, name: "今天新建的支部", ...attrs });
    expect((await unitRow(id)).reportsFrom).toBe(running);

    const after = await leader.completeness.get({ unitId: t.tree.branchA.id, quarter: past });
    expect(after.summary.total).toBe(before.summary.total);
    expect(after.summary.overdue).toBe(before.summary.overdue);
    expect(after.units.map((u) => u.id)).not.toContain(id);
    expect((await leader.todo.list()).completeness!.total).toBe(before.summary.total);
    const staff = callerFor(t.db, await createActor(t.db, "staff", await unitRow(id)));
    expect((await staff.todo.list()).due).toBeNull();

    // It owes the running quarter.
    const now = await leader.completeness.get({ unitId: t.tree.branchA.id, quarter: running });
    expect(now.units.map((u) => u.id)).toContain(id);
  });

  it("a start quarter set on creation makes it owe earlier quarters too, and is bounded", async () => {
    const { id } = await admin.unit.create({ parentId: t.tree.branchA.id, name: "补录的老支部", ...attrs, startQuarter: past });
    expect((await leader.completeness.get({ unitId: t.tree.branchA.id, quarter: past })).units.map((u) => u.id)).toContain(id);
    const staff = callerFor(t.db, await createActor(t.db, "staff", await unitRow(id)));
    expect((await staff.todo.list()).due).toMatchObject({ quarter: past, overdue: true });
    const far = addQuarters(running, 6);
    expect(
      (await fieldErrorsOf(admin.unit.create({ parentId: t.tree.branchA.id, name: "远期支部", ...attrs, startQuarter: far }))).startQuarter,
    ).toContain("起报季度不能晚于");
  });

  it("a deactivated unit still counts for the quarters before it ended, not after", async () => {
    const { id } = await admin.unit.create({ parentId: t.tree.branchB.id, name: "将停用的支部", ...attrs, startQuarter: "2025Q1" });
    await t.db.insert(reports).values({ unitId: id, quarter: "2025Q1", status: "submitted", submittedAt: new Date() });
    await admin.unit.setActive({ id, active: false });
    expect((await unitRow(id)).reportsUntil).toBe(past);
    const ids = async (q: string) => (await admin.completeness.get({ unitId: t.tree.branchB.id, quarter: q })).units.map((u) => u.id);
    expect(await ids("2025Q1")).toContain(id);
    expect(await ids(past)).toContain(id);
    expect(await ids(running)).not.toContain(id);
    await admin.unit.setActive({ id, active: true });
    expect((await unitRow(id)).reportsUntil).toBeNull();
  });
});

describe("a quarter's deadline is fixed once its reporting opens", () => {
  it("changing the deadline applies from the next quarter; past and running quarters keep theirs, late marks agree", async () => {
    const staff = callerFor(t.db, await createActor(t.db, "staff", t.tree.leafA2));
    const key = { unitId: t.tree.leafA2.id, quarter: past };
    const shownBefore = (await staff.report.get(key)).deadline;
    expect(shownBefore).toEqual(reportDeadline(past, 15));

    // Enough days that the past quarter would not be late yet if the change reached back to it.
    const days = Math.ceil((Date.now() - reportDeadline(past, 0).getTime()) / 86_400_000) + 20;
    const saved = await admin.settings.update({ key: "reportDeadlineDays", value: days, version: 0 });
    expect(saved.appliesFrom).toBe(next);

    // Past and running quarters: unchanged on every page that shows them.
    expect((await staff.report.get(key)).deadline).toEqual(shownBefore);
    expect((await leader.completeness.get({ unitId: t.tree.branchA.id, quarter: past })).deadline).toEqual(shownBefore);
    expect((await leader.todo.list()).deadline).toEqual(shownBefore);
    expect((await staff.report.get({ ...key, quarter: running })).deadline).toEqual(reportDeadline(running, 15));
    // The next quarter gets the new number of days.
    expect((await staff.report.get({ ...key, quarter: next })).deadline).toEqual(reportDeadline(next, days));

    // The late mark of a past-quarter report uses the same (fixed) deadline the page shows.
    // (With the new days the past quarter would not be late yet; with its fixed 15 days it is.)
    expect(new Date() > shownBefore && new Date() < reportDeadline(past, days)).toBe(true);
    const { version } = await staff.report.save({ ...key, version: 0, businessScore: 80, values: requiredValues });
    expect(await staff.report.submit({ ...key, version })).toMatchObject({ status: "submitted", late: true });
    expect(await staff.report.get(key)).toMatchObject({ late: true, deadline: shownBefore });

    const rules = await admin.settings.deadlineRules();
    expect(rules.firstChangeable).toBe(next);
    expect(rules.rules.map((r) => [r.validFrom, r.days])).toEqual([
      ["0000Q1", 15],
      [next, days],
    ]);
    expect(rules.currentDays).toBe(15);

    // Changing it again the same quarter replaces the pending version.
    await admin.settings.update({ key: "reportDeadlineDays", value: 20, version: saved.version });
    expect(await t.db.select().from(reportDeadlineRules).where(eq(reportDeadlineRules.validFrom, next))).toMatchObject([{ days: 20 }]);
  });
});
