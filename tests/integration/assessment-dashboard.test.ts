import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "~/db/client";
import { assessmentCycles, assessmentGrades, officerOutcomes, officers, people, units, type Unit } from "~/db/schema";
import { defaultCycleRules } from "~/lib/assessment/rules";
import { grades, type Grade } from "~/lib/codes";
import { callerFor, createActor } from "../factories";
import { useDemoDb, type Caller } from "./test-db";
import { outcomeOf } from "./trpc-expect";

/**
 * The annual dashboards on the demo, with frozen grades written for two years: every figure
 * equals a naive count over the grade rows, the reach is the caller's (staff: their own unit),
 * and a year still being rated shows no grade at all.
 */
describe("annual dashboards", () => {
  const t = useDemoDb(new Date("2026-12-06T04:00:00Z"));
  let admin: Caller;
  let leader: Caller;
  let staff: Caller;
  let root: Unit;
  let branch: Unit;
  let graded: { id: number; path: string; name: string }[];
  const gradeFor = (id: number, year: number): Grade => grades[(id * 7 + year) % 4]!;

  beforeAll(async () => {
    const [r] = await t.db
      .select()
      .from(units)
      .where(sql`${units.parentId} is null`);
    root = r!;
    const [b] = await t.db
      .select()
      .from(units)
      .where(sql`${units.parentId} = ${root.id} and exists (select 1 from units k where k.parent_id = ${units.id})`)
      .orderBy(units.id)
      .limit(1);
    branch = b!;
    admin = callerFor(t.db, await createActor(t.db, "admin", root));
    leader = callerFor(t.db, await createActor(t.db, "leader", branch));
    graded = await t.db
      .select({ id: units.id, path: units.path, name: units.name })
      .from(units)
      .where(sql`${units.parentId} is not null and ${units.active}`);
    const leaf = graded.find((u) => u.path.startsWith(branch.path) && u.id !== branch.id)!;
    staff = callerFor(t.db, await createActor(t.db, "staff", { id: leaf.id, path: leaf.path }));
    for (const year of [2024, 2025]) {
      await t.db
        .insert(assessmentCycles)
        .values({ year, status: "final", rules: defaultCycleRules(year) })
        .onConflictDoUpdate({ target: assessmentCycles.year, set: { status: "final" } });
      // Every graded unit in 2025; a few left out in 2024 (new units); some with the level above's final grade.
      const rows = graded
        .filter((u) => year === 2025 || u.id % 5 !== 0)
        .map((u) => ({ year, unitId: u.id, computed: gradeFor(u.id, year), final: u.id % 3 === 0 ? gradeFor(u.id + 1, year) : null }));
      await t.db.delete(assessmentGrades).where(eq(assessmentGrades.year, year));
      await t.db.insert(assessmentGrades).values(rows);
    }
  });

  const finalGrade = async (year: number) =>
    new Map(
      (
        await queryRows<{ unit_id: number; g: Grade }>(
          t.db,
          sql`select unit_id, coalesce(final, computed) as g from assessment_grades where year = ${year}`,
        )
      ).map((r) => [Number(r.unit_id), r.g]),
    );

  it("counts grades per subtree and per unit one level down, with the 好 quota share", async () => {
    const d = await admin.assessment.gradeDistribution({ year: 2025, unitId: root.id });
    const g = await finalGrade(2025);
    const naive = (prefix: string) => {
      const counts = { good: 0, fairly_good: 0, average: 0, poor: 0 };
      for (const u of graded) if (u.path.startsWith(prefix)) counts[g.get(u.id)!]++;
      return counts;
    };
    expect(d.frozen).toBe(true);
    expect(d.total!.counts).toEqual(naive(root.path));
    expect(d.total!.n).toBe(graded.length);
    expect(d.total!.allowedGood).toBe(Math.floor(0.2 * graded.length + 1e-9));
    const children = graded.filter((u) => u.path.split("/").filter(Boolean).length === root.path.split("/").filter(Boolean).length + 1);
    expect(d.children.map((c) => c.unitId).sort((a, b) => a - b)).toEqual(children.map((c) => c.id).sort((a, b) => a - b));
    for (const c of d.children) expect(c.counts).toEqual(naive(graded.find((u) => u.id === c.unitId)!.path));
  });

  it("matrixes last year's grade against this year's, units listed in their cell", async () => {
    const c = await leader.assessment.gradeChanges({ year: 2025, unitId: branch.id });
    const now = await finalGrade(2025);
    const before = await finalGrade(2024);
    const mine = graded.filter((u) => u.path.startsWith(branch.path));
    expect(c.cells.reduce((s, x) => s + x.count, 0)).toBe(mine.length);
    for (const u of mine) {
      const cell = c.cells.find((x) => x.units.some((v) => v.unitId === u.id))!;
      expect(cell.to).toBe(now.get(u.id));
      expect(cell.from).toBe(before.get(u.id) ?? null);
    }
  });

  it("colours the quadrant by the frozen grade, and shows none for a year being rated", async () => {
    const q = await admin.assessment.gradeQuadrant({ year: 2025, unitId: root.id });
    const g = await finalGrade(2025);
    expect(q.points.length).toBeGreaterThan(10);
    for (const p of q.points) expect(p.grade).toBe(g.get(p.unitId));
    await t.db
      .insert(assessmentCycles)
      .values({ year: 2026, status: "open", rules: defaultCycleRules(2026) })
      .onConflictDoNothing();
    const open = await admin.assessment.gradeQuadrant({ year: 2026, unitId: root.id });
    expect(open.frozen).toBe(false);
    expect(open.points.every((p) => p.grade === null)).toBe(true);
    const d = await admin.assessment.gradeDistribution({ year: 2026, unitId: root.id });
    expect(d.total).toBeNull();
  });

  it("places each outcome of the year at the unit its person was secretary of that year", async () => {
    const q = await admin.assessment.gradeQuadrant({ year: 2025, unitId: root.id });
    const naive = await queryRows<{ id: number; unit_id: number }>(
      t.db,
      sql`select o.id, (select t.unit_id from officers t
                          where t.person_id = o.person_id and t.post = 'secretary'
                            and t.from_date <= '2025-12-31' and (t.to_date is null or t.to_date >= '2025-01-01')
                          order by t.from_date desc, t.id desc limit 1) as unit_id
            from officer_outcomes o where o.year = 2025`,
    );
    const expected = naive.filter((r) => r.unit_id !== null);
    expect(q.outcomes.map((o) => [o.outcomeId, o.unitId]).sort((a, b) => a[0]! - b[0]!)).toEqual(
      expected.map((r) => [Number(r.id), Number(r.unit_id)]).sort((a, b) => a[0]! - b[0]!),
    );
    // One made here: a secretary of a leaf promoted on the year.
    const leaf = graded.find((u) => u.path.startsWith(branch.path) && u.id !== branch.id)!;
    const [person] = await t.db.insert(people).values({ name: "测试书记" }).returning();
    await t.db
      .insert(officers)
      .values({ personId: person!.id, unitId: leaf.id, post: "secretary", fromDate: "2020-01-01", toDate: "2024-06-30" });
    const [o] = await t.db
      .insert(officerOutcomes)
      .values({ personId: person!.id, kind: "promoted", decidedOn: "2026-03-01", year: 2025 })
      .returning();
    const none = await admin.assessment.gradeQuadrant({ year: 2025, unitId: root.id });
    expect(none.outcomes.some((x) => x.outcomeId === o!.id)).toBe(false); // not secretary in 2025
    await t.db.insert(officers).values({ personId: person!.id, unitId: leaf.id, post: "secretary", fromDate: "2025-02-01" });
    const mine = (await leader.assessment.gradeQuadrant({ year: 2025, unitId: branch.id })).outcomes.find((x) => x.outcomeId === o!.id)!;
    const point = q.points.find((p) => p.unitId === leaf.id);
    expect(mine).toMatchObject({ unitId: leaf.id, personName: "测试书记", kind: "promoted", business: point?.business ?? null });
  });

  it("reaches the caller's subtree only; staff see their own unit", async () => {
    expect(await outcomeOf(leader.assessment.gradeDistribution({ year: 2025, unitId: root.id }))).toBe("FORBIDDEN");
    const own = await staff.assessment.gradeQuadrant({
      year: 2025,
      unitId: graded.find((u) => u.path.startsWith(branch.path) && u.id !== branch.id)!.id,
    });
    expect(own.points.length).toBeLessThanOrEqual(1);
    expect(await outcomeOf(staff.assessment.gradeChanges({ year: 2025, unitId: branch.id }))).toBe("FORBIDDEN");
    const d = await staff.assessment.gradeDistribution({ year: 2025, unitId: own.unitId });
    expect(d.total!.n).toBe(1);
  });
});
