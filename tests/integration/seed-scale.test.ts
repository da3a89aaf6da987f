import { and, count, eq, sql } from "drizzle-orm";
import type { Sql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "~/db/client";
import { meetings, reports, reportValues, units, users } from "~/db/schema";
import { starterIndicators } from "~/scripts/seed/catalogue";
import { MEETING_QUARTERS, seedScale } from "~/scripts/seed/scale";
import { SCALE_ROOT_NAME } from "~/scripts/seed/scale/tree";
import { loadActor } from "~/server/auth/load-actor";
import { lastQuarters } from "~/lib/quarter";
import { meetingQuality } from "~/lib/scoring/meeting-quality";
import { minutesCopyColumns } from "~/lib/text-similarity";
import { naiveHeatmap, naiveMeetingQualityCharts, naiveOverview } from "~/tests/oracles/naive";
import { dashboardHeatmap } from "~/server/services/dashboard/heatmap";
import { dashboardOverview } from "~/server/services/dashboard/overview";
import { computeMeetingIndicators } from "~/server/services/meeting/indicators";
import { rebuildRollups } from "~/server/services/rollup/rebuild";
import { assertUnitInScope } from "~/server/scope";
import { rebuildCountRollups } from "~/server/services/rollup/tree-counts";
import { meetingQualityCharts } from "~/server/services/dashboard/meeting-quality";
import { createTestDb, type TestDb } from "./test-db";

/*
 * The scale seed (scripts/seed-scale.ts) on a small tree: COPY needs a real PostgreSQL, so this
 * runs only with TEST_DATABASE_URL (as `npm test` and CI provide); the 10,000-unit run is the
 * benchmark's, not a test's.
 */

const now = new Date("2026-11-26T10:00:00+08:00");
const QUARTERS = 6;
const UNITS = 260;
let handle: TestDb;
let result: Awaited<ReturnType<typeof seedScale>>;

describe.skipIf(!process.env.TEST_DATABASE_URL)("seed:scale", () => {
  beforeAll(async () => {
    handle = await createTestDb();
    const client = (handle.db as unknown as { $client: Sql }).$client;
    result = await seedScale(client, { units: UNITS, quarters: QUARTERS, now });
    await rebuildRollups(handle.db);
    await handle.db.transaction((tx) => rebuildCountRollups(tx)); // as scripts/seed-scale.ts does
  });
  afterAll(() => handle?.close());

  it("builds a consistent tree of 3–4 levels with the demo accounts", async () => {
    const { db } = handle;
    const all = await db.select().from(units);
    expect(all).toHaveLength(UNITS);
    const byId = new Map(all.map((u) => [u.id, u]));
    for (const u of all) {
      const parent = u.parentId === null ? null : byId.get(u.parentId)!;
      expect(u.path).toBe(`${parent?.path ?? "/"}${u.id}/`);
      expect(u.depth).toBe(parent ? parent.depth + 1 : 0);
    }
    expect(Math.max(...all.map((u) => u.depth))).toBe(3);
    const root = all.find((u) => u.parentId === null)!;
    expect(root.name).toBe(SCALE_ROOT_NAME);
    // Inner units count their subtree's members.
    expect(root.memberCount).toBe(all.filter((u) => !all.some((c) => c.parentId === u.id)).reduce((n, u) => n + u.memberCount, 0));

    const accounts = await db.select().from(users);
    expect(accounts.map((u) => u.username).sort()).toEqual(["admin", "leader", "reviewer", "staff"]);
    const staff = accounts.find((u) => u.username === "staff")!;
    expect(staff.unitId).toBe(result.staffUnitId);
    expect(byId.get(staff.unitId)!.type).toBe("branch");
    expect(all.some((u) => u.parentId === staff.unitId)).toBe(false);
    for (const u of accounts.filter((a) => a.username !== "staff")) expect(u.unitId).toBe(root.id);
  });

  it("writes reports for the quarters asked, with every typed-in indicator, and meetings only for the newest quarters", async () => {
    const { db } = handle;
    const quarters = lastQuarters(QUARTERS, now);
    expect(quarters.at(-1)).toBe("2026Q3");
    const stored = await db.selectDistinct({ quarter: reports.quarter }).from(reports).orderBy(reports.quarter);
    expect(stored.map((r) => r.quarter)).toEqual(quarters);
    const [n] = await db.select({ n: count() }).from(reports);
    expect(n!.n).toBe(result.counts.reports);
    expect(n!.n).toBeGreaterThan(UNITS * QUARTERS * 0.9); // a few missing, most there
    // Past quarters are overwhelmingly approved; the newest is a mix that includes submitted.
    const statuses = await queryRows<{ newest: boolean; status: string; n: number }>(
      db,
      sql`select quarter = ${quarters.at(-1)!} as newest, status, count(*)::int as n from reports group by 1, 2`,
    );
    const share = (newest: boolean, status: string) =>
      (statuses.find((s) => s.newest === newest && s.status === status)?.n ?? 0) /
      statuses.filter((s) => s.newest === newest).reduce((a, s) => a + s.n, 0);
    expect(share(false, "approved")).toBeGreaterThan(0.9);
    expect(share(true, "submitted")).toBeGreaterThan(0.15);
    expect(share(true, "approved")).toBeLessThan(0.7);

    const manual = starterIndicators.filter((i) => i.source !== "meetings").map((i) => i.code);
    const [incomplete] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from reports r
          where (select count(*) from report_values v where v.report_id = r.id and v.indicator_code in (${sql.join(
            manual.map((c) => sql`${c}`),
            sql`, `,
          )})) <> ${manual.length}`,
    );
    expect(incomplete!.n).toBe(0);

    const meetingQuarters = await db.selectDistinct({ quarter: meetings.quarter }).from(meetings).orderBy(meetings.quarter);
    expect(meetingQuarters.map((m) => m.quarter)).toEqual(quarters.slice(-MEETING_QUARTERS));
  });

  it("scores meetings and computes the meeting indicators as the app does", async () => {
    const { db } = handle;
    const sample = await db.select().from(meetings).orderBy(meetings.id).limit(200);
    expect(sample.length).toBeGreaterThan(0);
    for (const m of sample) {
      expect(m.qualityScore).toBe(meetingQuality(m).total);
      expect({ minutesFingerprint: m.minutesFingerprint, copyBands: m.copyBands }).toEqual(minutesCopyColumns(m.minutes));
    }
    const checked = await db
      .select({ reportId: reports.id, quarter: reports.quarter, unit: units })
      .from(reports)
      .innerJoin(units, eq(units.id, reports.unitId))
      .where(and(eq(reports.quarter, "2026Q3"), eq(units.type, "branch")))
      .limit(25);
    for (const r of checked) {
      const expected = await computeMeetingIndicators(db, r.unit, r.quarter);
      const stored = await db.select().from(reportValues).where(eq(reportValues.reportId, r.reportId));
      expect(stored.find((v) => v.indicatorCode === "I1_three_one_rate")?.value ?? null, r.unit.name).toBe(expected.I1_three_one_rate);
    }
  });

  it("gives dashboards from the rollups equal to the live queries", async () => {
    const { db } = handle;
    const [leaderRow] = await db.select({ id: users.id }).from(users).where(eq(users.username, "leader"));
    const actor = (await loadActor(db, leaderRow!.id))!;
    const ctx = { db, actor };
    const quarters = lastQuarters(QUARTERS, now);
    const input = { unitId: result.rootId, from: quarters[0]!, to: quarters.at(-1)! };
    const live = await naiveOverview(ctx, input);
    const rolled = await dashboardOverview(ctx, input);
    expect(rolled.trend.map((t) => t.unitCount)).toEqual(live.trend.map((t) => t.unitCount));
    expect(rolled.trend.every((t) => t.composite !== null)).toBe(true);
    rolled.trend.forEach((t, i) => expect(t.composite).toBeCloseTo(live.trend[i]!.composite!, 9));
    const heat = await dashboardHeatmap(ctx, { unitId: result.rootId, quarter: "2026Q3" });
    const heatLive = await naiveHeatmap(ctx, { unitId: result.rootId, quarter: "2026Q3" });
    expect(heat.rows.map((r) => r.composite?.toFixed(9))).toEqual(heatLive.rows.map((r) => r.composite?.toFixed(9)));
    expect(rolled.cases).toEqual(live.cases);
    expect(rolled.cases.open).toBeGreaterThan(0);
    const meetingsInput = { unitId: result.rootId, from: quarters.at(-4)!, to: quarters.at(-1)! };
    const root = await assertUnitInScope(db, actor, result.rootId, "read");
    const charts = await meetingQualityCharts(ctx, root, meetingsInput);
    expect(charts).toEqual(await naiveMeetingQualityCharts(ctx, meetingsInput));
    expect(charts.distribution.some((b) => b.count > 0)).toBe(true);
  });

  it("gives every unit a secretary and every graded unit last year's ballots; last year is final, this year open", async () => {
    const { db } = handle;
    const [staffing] = await queryRows<{
      units: number;
      withSecretary: number;
      ballots: number;
      graded: number;
      linked: number;
      secretaryCases: number;
    }>(
      db,
      sql`select (select count(*)::int from units) as units,
                 (select count(distinct unit_id)::int from officers where post = 'secretary' and to_date is null) as "withSecretary",
                 (select count(*)::int from appraisals where year = 2025 and good + fairly_good + average + poor <= voters) as ballots,
                 (select count(*)::int from units where parent_id is not null) as graded,
                 (select count(*)::int from cases where officer_id is not null) as linked,
                 (select count(*)::int from cases where subject = 'secretary') as "secretaryCases"`,
    );
    expect(staffing!.withSecretary).toBe(staffing!.units);
    expect(staffing!.ballots).toBe(staffing!.graded);
    expect(staffing!.linked).toBe(staffing!.secretaryCases);
    const cycles = await queryRows<{ year: number; status: string }>(db, sql`select year, status from assessment_cycles order by year`);
    expect(cycles).toEqual([
      { year: 2025, status: "final" },
      { year: 2026, status: "open" },
    ]);
    // A new officer gets a fresh id after the copied ones.
    const [next] = await queryRows<{ id: number }>(db, sql`insert into people (name) values ('新同志') returning id`);
    expect(next!.id).toBeGreaterThan(result.counts.people!);
  });

  it("refuses a database that already holds units", async () => {
    const client = (handle.db as unknown as { $client: Sql }).$client;
    await expect(seedScale(client, { units: 20, quarters: 1, now })).rejects.toThrow(/--reset/);
  });
});
