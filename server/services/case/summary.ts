import "server-only";
import { sql } from "drizzle-orm";
import { itemOverdueSql } from "~/lib/rectification";
import { queryRows, type Db } from "~/db/client";
import type { Unit } from "~/db/schema";
import { subtreeSql } from "~/server/scope";
import { subtreeCaseSummarySql } from "~/server/services/rollup/case-counts";
import { todayInChina } from "~/server/services/meeting/schemas";

/**
 * Open accountability cases of a subtree (or of one unit), and how many of them have an
 * overdue rectification item — the figure the overview shows. The caller has checked scope.
 */
export async function caseSummary(db: Db, root: Pick<Unit, "id" | "path">, opts: { onlyRoot: boolean }, today = todayInChina()) {
  return caseSummaryOf(await queryRows<CaseSummaryRow>(db, caseSummarySql(root, opts, today)));
}

export type CaseSummaryRow = { open: number | string; overdue: number | string; closed: number | string };

/**
 * The query of `caseSummary` (one row, for `caseSummaryOf`), for reads that batch it with others:
 * a subtree from the case-count rollup (server/services/rollup/case-counts.ts), one unit live
 * from its own cases (an indexed lookup).
 */
export function caseSummarySql(root: Pick<Unit, "id" | "path">, opts: { onlyRoot: boolean }, today = todayInChina()) {
  return opts.onlyRoot ? liveCaseSummarySql(root, opts, today) : subtreeCaseSummarySql(root, today);
}

/** The summary counted live from the cases: one unit's read, and the oracle the rollup is tested against. */
export function liveCaseSummarySql(root: Pick<Unit, "id" | "path">, opts: { onlyRoot: boolean }, today = todayInChina()) {
  return sql`select count(*) filter (where c.status <> 'closed') as open,
               count(*) filter (where c.status <> 'closed' and exists (
                 select 1 from rectification_items ri
                 where ri.case_id = c.id and ${itemOverdueSql("ri", today)})) as overdue,
               count(*) filter (where c.status = 'closed') as closed
        from cases c join units u on u.id = c.unit_id
        where ${subtreeSql("u", root, opts.onlyRoot)}`;
}

export function caseSummaryOf([row]: CaseSummaryRow[]) {
  return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0), closed: Number(row?.closed ?? 0) };
}
