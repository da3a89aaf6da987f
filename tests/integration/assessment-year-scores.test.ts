import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "~/db/client";
import { loadYearScores } from "~/server/services/assessment/year-scores";
import { useDemoDb } from "./test-db";

/** A unit's year (grades, simulator, record) read from unit_scores equals the plain average of its approved reports' scores. */
describe("loadYearScores", () => {
  const t = useDemoDb(new Date("2026-12-06T04:00:00Z"));

  it("matches the approved quarters of 2025, unit by unit", async () => {
    const got = await loadYearScores(t.db, 2025, sql`true`);
    const naive = await queryRows<{ unitId: number; quarter: string; series: string; score: number }>(
      t.db,
      sql`select unit_id as "unitId", quarter, series, score from unit_scores
           where quarter like '2025Q%' and status = 'approved' and series in ('composite','business')`,
    );
    expect(got.size).toBeGreaterThan(20);
    const byUnit = new Map<number, { p: number[]; b: number[]; q: (number | null)[] }>();
    for (const r of naive) {
      const u = byUnit.get(r.unitId) ?? { p: [], b: [], q: [null, null, null, null] };
      if (r.series === "composite") {
        u.p.push(r.score);
        u.q[Number(r.quarter.slice(-1)) - 1] = r.score;
      } else u.b.push(r.score);
      byUnit.set(r.unitId, u);
    }
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
    expect([...got.keys()].sort()).toEqual([...byUnit.keys()].sort());
    for (const [id, u] of byUnit) {
      const y = got.get(id)!;
      expect(y.quarterly).toEqual(u.q);
      expect(y.party).toBeCloseTo(mean(u.p)!, 9);
      expect(y.business === null ? null : y.business).toEqual(u.b.length ? expect.closeTo(mean(u.b)!, 9) : null);
    }
  });
});
