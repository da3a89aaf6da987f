import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { quarterRange } from "~/lib/quarter";
import { inSubtreeSql } from "~/server/scope";
import { caseSummaryOf, liveCaseSummarySql, type CaseSummaryRow } from "~/server/services/case/summary";
import type { FrequencyRules } from "~/server/services/meeting/completion-rules";
import { expectationTable, fillCompletion, fillDistribution } from "~/server/services/dashboard/meeting-quality-rows";
import {
  liveCompletionSql,
  liveDistributionSql,
  rollupCompletionSql,
  rollupDistributionSql,
  type BucketRow,
  type CompletionRow,
} from "~/server/services/dashboard/meeting-quality-sql";
import { subtreeCaseSummarySql } from "~/server/services/rollup/case-counts";
import { liveExpectedUnitsSql, type ExpectedRow } from "~/server/services/dashboard/expected";
import { subtreeExpectedUnitsSql } from "~/server/services/rollup/report-spans";

/**
 * The oracle of the count rollups: for each unit given, the case summary and the meeting-quality
 * charts read from the rollups against the same figures counted live from the raw tables.
 * Returns the differences (empty when the rollups are right), so a failing test names them.
 */

type UnitRef = { id: number; path: string };

export async function unitsOf(db: Db, where = sql`true`): Promise<UnitRef[]> {
  return queryRows<UnitRef>(db, sql`select id, path from units u where ${where} order by path`);
}

/** Case summaries on each day of `days`: rollup vs live, per unit. */
export async function caseDifferences(db: Db, units: UnitRef[], days: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const u of units) {
    for (const today of days) {
      const live = caseSummaryOf(await queryRows<CaseSummaryRow>(db, liveCaseSummarySql(u, { onlyRoot: false }, today)));
      const rollup = caseSummaryOf(await queryRows<CaseSummaryRow>(db, subtreeCaseSummarySql(u, today)));
      if (JSON.stringify(live) !== JSON.stringify(rollup))
        out.push(`unit ${u.id} on ${today}: live ${JSON.stringify(live)} rollup ${JSON.stringify(rollup)}`);
    }
  }
  return out;
}

/** Units expected per quarter: rollup vs live, per unit. */
export async function expectedDifferences(db: Db, units: UnitRef[], quarters: string[]): Promise<string[]> {
  const out: string[] = [];
  const norm = (rows: ExpectedRow[]) => JSON.stringify(rows.map((r) => [r.quarter, Number(r.n)]).sort());
  for (const u of units) {
    const live = norm(await queryRows<ExpectedRow>(db, liveExpectedUnitsSql(u, false, quarters)));
    const rollup = norm(await queryRows<ExpectedRow>(db, subtreeExpectedUnitsSql(u, quarters)));
    if (live !== rollup) out.push(`unit ${u.id}: live ${live} rollup ${rollup}`);
  }
  return out;
}

/** Completion and histogram over each range: rollup vs live, per unit, under `rules`. */
export async function meetingDifferences(
  db: Db,
  units: UnitRef[],
  ranges: { from: string; to: string }[],
  rules: FrequencyRules,
): Promise<string[]> {
  const table = expectationTable(rules);
  const out: string[] = [];
  for (const u of units) {
    for (const { from, to } of ranges) {
      const quarters = quarterRange(from, to);
      const range = { quarters, from, to };
      const inScope = inSubtreeSql("u", u);
      const live = {
        completion: fillCompletion(quarters, await queryRows<CompletionRow>(db, liveCompletionSql(inScope, table, range))),
        distribution: fillDistribution(await queryRows<BucketRow>(db, liveDistributionSql(inScope, range))),
      };
      const rollup = {
        completion: fillCompletion(quarters, await queryRows<CompletionRow>(db, rollupCompletionSql(u.id, table, range))),
        distribution: fillDistribution(await queryRows<BucketRow>(db, rollupDistributionSql(u.id, range))),
      };
      const a = JSON.stringify(live);
      const b = JSON.stringify(rollup);
      if (a !== b) out.push(`unit ${u.id} ${from}–${to}: live ${a.slice(0, 400)} rollup ${b.slice(0, 400)}`);
    }
  }
  return out;
}
