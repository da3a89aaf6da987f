import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { queryRows } from "~/db/client";
import { applyQuotas } from "~/lib/assessment/grade";
import { quotaRankSql } from "~/lib/assessment/quota-sql";
import { grades, type Grade } from "~/lib/codes";
import { useTreeDb } from "./test-db";

/**
 * The quota step in SQL (quotaRankSql, used by the live grades read over the stored scores) equals
 * the one rule, applyQuotas (lib/assessment/grade.ts): same grade and same rank for every unit of
 * random cohorts — ties on score, every base grade, quotas of 0, fractions and 1, with and
 * without a 较好 quota.
 */
const t = useTreeDb();

const cohortArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 60 })
  .chain((ids) =>
    fc.tuple(
      fc.constant(ids),
      // Few distinct scores (2 decimals), so that ties are common and the unit id decides.
      fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: 40 }).map((x) => 60 + x / 4 + (x % 3) * 0.01),
          fc.constantFrom(...grades),
        ),
        {
          minLength: ids.length,
          maxLength: ids.length,
        },
      ),
    ),
  )
  .map(([ids, parts]) => ids.map((unitId, i) => ({ unitId, score: parts[i]![0], computed: parts[i]![1] as Grade })));

const quotasArb = fc.record({
  good: fc.constantFrom(0, 0.1, 0.2, 0.25, 1 / 3, 0.5, 1),
  fairlyGood: fc.constantFrom(null, 0, 0.3, 0.4, 0.7, 1),
});

describe("quotaRankSql, the SQL twin of applyQuotas", () => {
  it("gives every unit the same grade and rank as applyQuotas", async () => {
    await fc.assert(
      fc.asyncProperty(cohortArb, quotasArb, async (cohort, quotas) => {
        const json = JSON.stringify(cohort.map((c) => ({ unit_id: c.unitId, score: c.score, base_grade: c.computed })));
        const rows = await queryRows<{
          unit_id: number;
          grade: Grade;
          rank: number;
          n: number;
          allowed_good: number;
          allowed_fairly_good: number | null;
        }>(
          t.db,
          quotaRankSql(sql`select * from jsonb_to_recordset(${json}::jsonb) as x(unit_id int, score float8, base_grade text)`, { quotas }),
        );
        const want = applyQuotas(cohort, { quotas } as never);
        expect(rows).toHaveLength(cohort.length);
        for (const r of rows) {
          const w = want.get(Number(r.unit_id))!;
          expect({
            grade: r.grade,
            rank: Number(r.rank),
            of: Number(r.n),
            good: Number(r.allowed_good),
            fairly: r.allowed_fairly_good === null ? null : Number(r.allowed_fairly_good),
          }).toEqual({
            grade: w.grade,
            rank: w.quota.rank,
            of: w.quota.of,
            good: w.quota.allowedGood,
            fairly: w.quota.allowedFairlyGood,
          });
        }
      }),
      { numRuns: 150 },
    );
  });
});
