import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { scoringCtes } from "~/lib/scoring/scoring-sql";
import { countedStatusSql } from "~/lib/status-sql";

/**
 * The region (distribution key, docs/scaling.md) of the unit aliased `u`: the id of its
 * top-level branch — the second id in its path — or its own id for the tree's root.
 */
export const regionOf = (alias: string) => sql.raw(`coalesce(nullif(split_part(${alias}.path, '/', 3), '')::int, ${alias}.id)`);

/**
 * Writes the analytics facts (`unit_scores`) of the reports matched by `reportFilter` (on `r`
 * and `u`), after the caller deleted the old ones: one row per unit × quarter × series for
 * every submitted or approved report — the composite, each category, and the business score.
 */
export async function insertFacts(db: Db | Tx, reportFilter: SQL): Promise<void> {
  // The widest inclusion: the dashboards pick approved only or submitted too from these facts.
  const counted = countedStatusSql("r.status", "submitted");
  const filter = sql`(${reportFilter}) and ${counted}`;
  await db.execute(sql`
    insert into unit_scores (unit_id, quarter, series, region_id, status, score)
    ${scoringCtes(filter)},
    facts as (
      select unit_id, quarter, category_code as series, status, score from unit_cat where score is not null
      union all
      select unit_id, quarter, 'composite', status, composite from unit_comp where composite is not null
      union all
      select r.unit_id, r.quarter, 'business', r.status, r.business_score
      from reports r join units u on u.id = r.unit_id
      where ${filter} and r.business_score is not null
    )
    select f.unit_id, f.quarter, f.series, ${regionOf("u")}, f.status, f.score
    from facts f join units u on u.id = f.unit_id`);
}
