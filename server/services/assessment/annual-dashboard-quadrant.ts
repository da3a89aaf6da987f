import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import type { Grade, OfficerOutcomeKind } from "~/lib/codes";
import { isBusinessOverParty, quadrantThresholds } from "~/lib/scoring/quadrant-cutoff";
import type { Actor } from "~/server/scope";
import { getSetting } from "~/server/services/settings/get";
import { annualDashboardScope, gradeOfSql } from "./annual-dashboard-scope";
import type { YearUnitInput } from "./simulate-schemas";
import { loadYearScores } from "./year-scores";

/**
 * `assessment.gradeQuadrant`: the 重业务轻党建 quadrant of the year (each graded unit of the
 * subtree by its year means, business against Party building, the admin's cut-off rule) with each
 * unit's frozen grade (null while the year is rated), and the card 提拔/表彰书记所在单位的象限位置:
 * the year's outcomes (officer_outcomes) of people who were a unit's secretary in that year,
 * placed at that unit (their last secretary tenure in the year).
 */
export async function gradeQuadrant({ db, actor }: { db: Db; actor: Actor }, input: YearUnitInput) {
  const { root, cycle, frozen, units } = await annualDashboardScope(db, actor, input);
  const scores = await loadYearScores(db, input.year, units);
  const named = await queryRows<{ id: number; name: string; grade: Grade | null }>(
    db,
    sql`select u.id, u.name, ${frozen ? gradeOfSql("g") : sql`null`} as grade
          from units u left join assessment_grades g on g.unit_id = u.id and g.year = ${input.year}
         where ${units}`,
  );
  const points = named
    .map((u) => ({ u, s: scores.get(Number(u.id)) }))
    .filter(({ s }) => s?.business != null && s.party != null)
    .map(({ u, s }) => ({ unitId: Number(u.id), name: u.name, business: s!.business!, party: s!.party!, grade: u.grade ?? null }))
    .sort((a, b) => a.unitId - b.unitId);
  const thresholds = quadrantThresholds(points, await getSetting(db, "quadrantCutoff"));
  const byUnit = new Map(points.map((p) => [p.unitId, p]));
  const outcomeRows = await queryRows<{
    id: number;
    kind: OfficerOutcomeKind;
    decided_on: string;
    person: string;
    unit_id: number;
    unit_name: string;
  }>(
    db,
    sql`select distinct on (o.id) o.id, o.kind, o.decided_on::text as decided_on, p.name as person, u.id as unit_id, u.name as unit_name
          from officer_outcomes o
          join people p on p.id = o.person_id
          join officers t on t.person_id = o.person_id and t.post = 'secretary'
                         and t.from_date <= ${`${input.year}-12-31`}::date
                         and (t.to_date is null or t.to_date >= ${`${input.year}-01-01`}::date)
          join units u on u.id = t.unit_id
         where o.year = ${input.year} and ${units}
         order by o.id, t.from_date desc, t.id desc`,
  );
  const outcomes = outcomeRows
    .map((o) => {
      const at = byUnit.get(Number(o.unit_id));
      return {
        outcomeId: Number(o.id),
        kind: o.kind,
        decidedOn: o.decided_on,
        personName: o.person,
        unitId: Number(o.unit_id),
        unitName: o.unit_name,
        business: at?.business ?? null,
        party: at?.party ?? null,
        grade: at?.grade ?? null,
        businessOverParty: at ? isBusinessOverParty(at, thresholds) : null,
      };
    })
    .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.outcomeId - b.outcomeId);
  return { year: input.year, unitId: root.id, unitName: root.name, status: cycle.status, frozen, thresholds, points, outcomes };
}
