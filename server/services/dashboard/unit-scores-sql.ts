import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { scoringCtes } from "~/lib/scoring/scoring-sql";
import { countedStatusSql } from "~/lib/status-sql";
import type { ReportInclusion } from "~/lib/status";
import { inSubtreeSql } from "~/server/scope";

/**
 * The scoring CTEs for every unit under `rootPath` in a quarter range: the live ("naive")
 * query the dashboards ran before the rollup tables, kept as the benchmark's baseline and as
 * the oracle the rollups are tested against.
 */
export function unitScoresCte(opts: { rootPath: string; from: string; to: string; include: ReportInclusion }): SQL {
  return scoringCtes(
    sql`${inSubtreeSql("u", { path: opts.rootPath })} and r.quarter between ${opts.from} and ${opts.to} and ${countedStatusSql("r.status", opts.include)}`,
  );
}
