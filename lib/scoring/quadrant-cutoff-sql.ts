import { sql, type SQL } from "drizzle-orm";
import type { QuadrantCutoff } from "~/lib/scoring/quadrant-cutoff";

/**
 * The same in SQL: `lines` are the business and Party-building lines for the mean mode (e.g.
 * `avg(business) over ()`), replaced by the fixed thresholds in the fixed mode.
 */
export function thresholdsSql(cutoff: QuadrantCutoff, means: { business: SQL; party: SQL }): { business: SQL; party: SQL } {
  if (cutoff.mode === "mean") return means;
  return { business: sql`${cutoff.business}::float8`, party: sql`${cutoff.party}::float8` };
}

export function businessOverPartySql(business: SQL, party: SQL, lines: { business: SQL; party: SQL }): SQL {
  return sql`(${business} >= ${lines.business} and ${party} < ${lines.party})`;
}
