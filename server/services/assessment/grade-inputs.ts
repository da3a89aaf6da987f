import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "~/db/client";
import type { AssessmentCycle } from "~/db/schema";
import { dutyReportsDue } from "~/lib/assessment/cycle-status";
import type { GradeInputs } from "~/lib/assessment/grade";
import { yearBounds } from "~/lib/assessment/years";
import type { CaseForm, CaseSubject, InspectionResult } from "~/lib/codes";
import { makeQuarter, parseQuarter } from "~/lib/quarter";
import { quarterOfDate, todayInChina } from "~/server/services/meeting/schemas";
import { loadYearScores } from "./year-scores";

/** The units a cycle grades, as a SQL condition on the alias `u`: every active unit except the tree's root. */
export const gradedUnitSql = sql`(u.parent_id is not null and u.active)`;

/** Case statuses whose form is decided (立案后已作出处理): they count against the year's grade. */
const decidedCaseStatuses = ["decided", "rectifying", "closed"] as const;

/**
 * The grade inputs of the year for the graded units `units` selects (a SQL condition on the alias
 * `u`, from server/scope.ts, or `sql\`true\`` for the whole cycle): the four quarterly composites
 * (loadYearScores), the 民主测评 ballots, the secretary's 一岗双责 inspections of the year (not
 * withdrawn), the year's decided cases against the unit or its secretary, and the duty report.
 * Five set-based queries, whatever the number of units.
 */
/** How many quarters of `year` have ended by `now` (Beijing): 4 for a past year, at least 1 for the running one. */
export function quartersEnded(year: number, now: Date): number {
  const current = parseQuarter(quarterOfDate(todayInChina(now)))!;
  if (current.year > year) return 4;
  if (current.year < year) return 1;
  return Math.max(1, current.q - 1);
}

export async function loadGradeInputs(
  db: Db | Tx,
  cycle: Pick<AssessmentCycle, "year" | "status" | "rules">,
  units: SQL,
  now = new Date(),
): Promise<GradeInputs[]> {
  const { year } = cycle;
  const within = sql`${gradedUnitSql} and ${units}`;
  const { from, to } = yearBounds(year);
  const quarters = sql.join(
    [1, 2, 3, 4].map((q) => sql`${makeQuarter(year, q)}`),
    sql`, `,
  );
  const [ids, scores, appraisals, inspections, cases, duty, pending] = await Promise.all([
    queryRows<{ id: number }>(db, sql`select u.id from units u where ${within} order by u.id`),
    loadYearScores(db, year, within),
    queryRows<{ unitId: number; good: number; fairlyGood: number; average: number; poor: number }>(
      db,
      sql`select a.unit_id as "unitId", a.good, a.fairly_good as "fairlyGood", a.average, a.poor
            from appraisals a join units u on u.id = a.unit_id where a.year = ${year} and ${within}`,
    ),
    queryRows<{ unitId: number; result: InspectionResult }>(
      db,
      sql`select i.unit_id as "unitId", i.result from inspections i join units u on u.id = i.unit_id
           where i.subject = 'secretary' and i.withdrawn_at is null and i.inspected_on between ${from} and ${to} and ${within}
           order by i.unit_id, i.inspected_on, i.id`,
    ),
    queryRows<{ unitId: number; form: CaseForm; subject: CaseSubject }>(
      db,
      sql`select c.unit_id as "unitId", c.form, c.subject from cases c join units u on u.id = c.unit_id
           where c.quarter in (${quarters}) and c.subject in ('organisation', 'secretary')
             and c.status in (${sql.join(
               decidedCaseStatuses.map((s) => sql`${s}`),
               sql`, `,
             )}) and ${within}
           order by c.unit_id, c.id`,
    ),
    queryRows<{ unitId: number; status: string; copied: boolean }>(
      db,
      sql`select d.unit_id as "unitId", d.status, d.copied_from_id is not null as copied
            from duty_reports d join units u on u.id = d.unit_id where d.year = ${year} and ${within}`,
    ),
    // Quarterly reports handed in and awaiting review (待审核).
    queryRows<{ unitId: number; quarter: string }>(
      db,
      sql`select r.unit_id as "unitId", r.quarter from reports r join units u on u.id = r.unit_id
           where r.quarter in (${quarters}) and r.status = 'submitted' and ${within}`,
    ),
  ]);
  const quartersDue = quartersEnded(year, now);
  const dutyReportDue = dutyReportsDue(cycle, todayInChina(now));
  const byUnit = new Map<number, GradeInputs>();
  for (const { id } of ids) {
    const unitId = Number(id);
    byUnit.set(unitId, {
      unitId,
      quarterly: scores.get(unitId)?.quarterly ?? [null, null, null, null],
      quartersDue,
      appraisal: null,
      inspections: [],
      cases: [],
      dutyReport: "missing",
      dutyReportDue,
      pendingQuarters: [false, false, false, false],
    });
  }
  for (const a of appraisals) {
    const u = byUnit.get(Number(a.unitId));
    if (u) u.appraisal = { good: Number(a.good), fairlyGood: Number(a.fairlyGood), average: Number(a.average), poor: Number(a.poor) };
  }
  for (const i of inspections) (byUnit.get(Number(i.unitId))?.inspections as InspectionResult[] | undefined)?.push(i.result);
  for (const c of cases)
    (byUnit.get(Number(c.unitId))?.cases as GradeInputs["cases"][number][] | undefined)?.push({ form: c.form, subject: c.subject });
  for (const p of pending) {
    const q = parseQuarter(p.quarter)?.q;
    const u = byUnit.get(Number(p.unitId));
    if (u && q) (u.pendingQuarters as boolean[])[q - 1] = true;
  }
  for (const d of duty) {
    const u = byUnit.get(Number(d.unitId));
    if (u && (d.status === "submitted" || d.status === "accepted")) u.dutyReport = d.copied ? "copied" : "submitted";
  }
  return [...byUnit.values()];
}
