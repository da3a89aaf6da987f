import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "~/db/client";
import { assessmentGrades } from "~/db/schema";
import { quotaCount } from "~/lib/assessment/grade";
import { preconditionFailed } from "~/server/errors";
import type { Actor } from "~/server/scope";
import { loadCycle } from "./cycle-load";
import { computeCycleGrades, effectiveCounts, loadSecretaries, loadStoredGrades } from "./grade-compute";
import { gradedUnitSql } from "./grade-inputs";
import { m } from "~/lib/server-message";

/** Rows per insert statement (PostgreSQL's bind-parameter limit stays far away). */
const chunk = 500;

/**
 * Freezes the grades of `year` (when its cycle moves to publicised, and by the demo seed): writes
 * every graded unit's row — computed grade, score and breakdown as of now, the secretary graded
 * (in post at the year's end, or the last one in the year), and `final` = the final grade the level
 * above set, else the computed one. Refused when the final grades would break a quota (inputs
 * may have changed since they were set). Returns the number of rows written.
 */
export async function freezeGrades(tx: Tx, year: number, actor: Pick<Actor, "id"> | null): Promise<number> {
  const cycle = await loadCycle(tx, year);
  const [computed, stored, secretaries] = await Promise.all([
    computeCycleGrades(tx, cycle),
    loadStoredGrades(tx, year, sql`true`),
    loadSecretaries(tx, year, gradedUnitSql),
  ]);
  const counts = effectiveCounts(computed, stored);
  const allowedGood = quotaCount(cycle.rules.quotas.good, computed.size);
  if (counts.good > allowedGood)
    throw preconditionFailed(m("assessmentCycle.quotaBrokenAtFreeze", { count: counts.good, allowed: allowedGood }));
  const now = new Date();
  const rows = [...computed.values()].map((r) => ({
    year,
    unitId: r.unitId,
    officerId: secretaries.get(r.unitId)?.officerId ?? null,
    computed: r.computed,
    score: r.score,
    breakdown: r.breakdown,
    final: stored.get(r.unitId)?.final ?? r.computed,
    updatedAt: now,
    updatedBy: actor?.id ?? null,
  }));
  for (let i = 0; i < rows.length; i += chunk) {
    await tx
      .insert(assessmentGrades)
      .values(rows.slice(i, i + chunk))
      .onConflictDoUpdate({
        target: [assessmentGrades.year, assessmentGrades.unitId],
        set: {
          officerId: sql`excluded.officer_id`,
          computed: sql`excluded.computed`,
          score: sql`excluded.score`,
          breakdown: sql`excluded.breakdown`,
          final: sql`coalesce(${assessmentGrades.final}, excluded.final)`,
          updatedAt: sql`excluded.updated_at`,
          updatedBy: sql`excluded.updated_by`,
          version: sql`${assessmentGrades.version} + 1`,
        },
      });
  }
  return rows.length;
}
