import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import type { Unit } from "~/db/schema";
import { subtreeSql } from "~/server/scope";
import { owesReportSql } from "~/server/services/completeness/expected";
import { subtreeExpectedUnitsSql } from "~/server/services/rollup/report-spans";

/**
 * How many units of a subtree (or the unit alone) owe a report in each quarter — the same
 * rule (completeness/expected.ts) and so the same figure as the completeness card's total — for
 * every quarter of the range in one query.
 */
export async function expectedUnits(
  db: Db,
  root: Pick<Unit, "id" | "path">,
  onlyRoot: boolean,
  quarters: string[],
): Promise<Map<string, number>> {
  if (quarters.length === 0) return new Map();
  return expectedByQuarter(quarters, await queryRows<ExpectedRow>(db, expectedUnitsSql(root, onlyRoot, quarters)));
}

export type ExpectedRow = { quarter: string; n: number | string };

/**
 * The query of `expectedUnits` (rows for `expectedByQuarter`), for reads that batch it with others; `quarters` not empty:
 * a subtree from the units-expected rollup (server/services/rollup/report-spans.ts), one unit live.
 */
export function expectedUnitsSql(root: Pick<Unit, "id" | "path">, onlyRoot: boolean, quarters: string[]) {
  return onlyRoot ? liveExpectedUnitsSql(root, onlyRoot, quarters) : subtreeExpectedUnitsSql(root, quarters);
}

/** The same rows counted live from the units: one unit's read, and the oracle the rollup is tested against. */
export function liveExpectedUnitsSql(root: Pick<Unit, "id" | "path">, onlyRoot: boolean, quarters: string[]) {
  const list = sql.join(
    quarters.map((q) => sql`(${q}::text)`),
    sql`, `,
  );
  return sql`select q.quarter, count(u.id) as n
          from (values ${list}) as q(quarter)
          left join units u on ${owesReportSql("u", sql`q.quarter`)}
                           and ${subtreeSql("u", root, onlyRoot)}
         group by q.quarter`;
}

/** Quarter → units expected, every quarter of the range present. */
export function expectedByQuarter(quarters: string[], rows: ExpectedRow[]): Map<string, number> {
  // count() is bigint: postgres.js returns it as a string.
  const counts = new Map(rows.map((r) => [r.quarter, Number(r.n)]));
  return new Map(quarters.map((q) => [q, counts.get(q) ?? 0]));
}
