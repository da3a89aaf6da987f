import { gradesFrozen } from "~/lib/assessment/cycle-status";
import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { appraisals, assessmentCycles, assessmentGrades, cases, inspections, units } from "~/db/schema";
import type { CaseForm, CaseStatus, CaseSubject, Grade, InspectionResult } from "~/lib/codes";
import { isBusinessOverParty, quadrantThresholds } from "~/lib/scoring/quadrant-cutoff";
import { loadYearScores, type YearScores } from "~/server/services/assessment/year-scores";

/** A year a person was the secretary of a unit (part of it or all), with the tenures that make it. */
export type SecretaryYear = {
  year: number;
  unit: { id: number; name: string; parentId: number | null };
  spans: { from: string; to: string }[];
};

/** Where the unit's year sat in the 重业务轻党建 quadrant, against the means of `basis` (its siblings, or every graded unit). */
export type YearQuadrant = {
  basis: "siblings" | "graded";
  compared: number;
  businessLine: number;
  partyLine: number;
  highBusiness: boolean;
  highParty: boolean;
  businessOverParty: boolean;
};

/** Fewer siblings with both scores than this and the unit is placed against every graded unit instead. */
const MIN_SIBLINGS = 3;

const both = (s: YearScores | undefined): s is YearScores & { business: number; party: number } =>
  !!s && s.business !== null && s.party !== null;

function placeIn(own: YearScores | undefined, peers: YearScores[], basis: YearQuadrant["basis"]): YearQuadrant | null {
  if (!both(own)) return null;
  const points = peers.filter(both).map((s) => ({ business: s.business, party: s.party }));
  const t = quadrantThresholds(points, { mode: "mean" });
  if (t.business === null || t.party === null) return null;
  return {
    basis,
    compared: points.length,
    businessLine: t.business,
    partyLine: t.party,
    highBusiness: own.business >= t.business,
    highParty: own.party >= t.party,
    businessOverParty: isBusinessOverParty(own, t),
  };
}

/** The grade of a year as the record shows it: frozen (公示 / 定级) rows only; earlier, 评定中; no cycle or the (never graded) root, none. */
export type RecordGrade = { grade: Grade | null; state: "final" | "publicised" | "pending" | "none"; changed: boolean };

/**
 * The facts of each secretary-year: grade, scores and quadrant, appraisal, the secretary's
 * inspections, the cases against the secretary or the unit, and last year's comment items with
 * this year's answers. A handful of queries for all years together (one score load per year).
 */
export async function loadSecretaryYears(db: Db, years: SecretaryYear[], tenureIds: number[], currentYear: number) {
  if (!years.length) return [];
  const unitIds = [...new Set(years.map((y) => y.unit.id))];
  const yearList = [...new Set(years.map((y) => y.year))];
  const key = (year: number, unitId: number) => `${year}:${unitId}`;

  const [cycleRows, gradeRows, appraisalRows, inspectionRows, caseRows, itemRows] = await Promise.all([
    db
      .select({ year: assessmentCycles.year, status: assessmentCycles.status })
      .from(assessmentCycles)
      .where(inArray(assessmentCycles.year, yearList)),
    db
      .select()
      .from(assessmentGrades)
      .where(and(inArray(assessmentGrades.year, yearList), inArray(assessmentGrades.unitId, unitIds))),
    db
      .select()
      .from(appraisals)
      .where(and(inArray(appraisals.year, yearList), inArray(appraisals.unitId, unitIds))),
    tenureIds.length
      ? db
          .select({
            id: inspections.id,
            unitId: inspections.unitId,
            inspectedOn: inspections.inspectedOn,
            result: inspections.result,
            findings: inspections.findings,
          })
          .from(inspections)
          .where(and(inArray(inspections.officerId, tenureIds), isNull(inspections.withdrawnAt)))
          .orderBy(inspections.inspectedOn)
      : Promise.resolve([]),
    db
      .select({
        id: cases.id,
        unitId: cases.unitId,
        subject: cases.subject,
        form: cases.form,
        status: cases.status,
        officerId: cases.officerId,
        openedOn: sql<string>`((${cases.createdAt} at time zone 'Asia/Shanghai')::date)::text`,
      })
      .from(cases)
      .where(
        and(
          inArray(cases.unitId, unitIds),
          tenureIds.length
            ? sql`(${cases.subject} = 'organisation' or ${inArray(cases.officerId, tenureIds)})`
            : eq(cases.subject, "organisation"),
        ),
      )
      .orderBy(cases.createdAt),
    queryRows<{
      unitId: number;
      year: number;
      id: number;
      content: string;
      deadline: string;
      done: boolean | null;
      evidence: string | null;
    }>(
      db,
      sql`select i.unit_id as "unitId", i.year + 1 as year, i.id, i.content, i.deadline::text as deadline, a.done, a.evidence
            from assessment_items i
            left join duty_reports d on d.unit_id = i.unit_id and d.year = i.year + 1
            left join duty_report_answers a on a.duty_report_id = d.id and a.item_id = i.id
           where i.unit_id in (${sql.join(
             unitIds.map((u) => sql`${u}`),
             sql`, `,
           )})
             and i.year + 1 in (${sql.join(
               yearList.map((y) => sql`${y}`),
               sql`, `,
             )})
           order by i.position, i.id`,
    ),
  ]);

  // The year's scores of the units, their siblings and (where too few siblings) every graded unit.
  const parentIds = [...new Set(years.map((y) => y.unit.parentId).filter((p): p is number => p !== null))];
  const scores = new Map<number, Map<number, YearScores>>();
  const graded = new Map<number, YearScores[]>();
  for (const year of yearList) {
    const near = sql`(u.id in (${sql.join(
      unitIds.map((u) => sql`${u}`),
      sql`, `,
    )})${
      parentIds.length
        ? sql` or u.parent_id in (${sql.join(
            parentIds.map((p) => sql`${p}`),
            sql`, `,
          )})`
        : sql``
    })`;
    scores.set(year, await loadYearScores(db, year, near));
  }
  const childRows = parentIds.length
    ? await db.select({ id: units.id, parentId: units.parentId }).from(units).where(inArray(units.parentId, parentIds))
    : [];
  const childrenOf = new Map<number, number[]>();
  for (const c of childRows) childrenOf.set(c.parentId!, [...(childrenOf.get(c.parentId!) ?? []), c.id]);
  const gradedOf = async (year: number) => {
    if (!graded.has(year)) graded.set(year, [...(await loadYearScores(db, year, sql`u.parent_id is not null`)).values()]);
    return graded.get(year)!;
  };

  const cycleOf = new Map(cycleRows.map((c) => [c.year, c.status]));
  const gradeOf = new Map(gradeRows.map((g) => [key(g.year, g.unitId), g]));
  const appraisalOf = new Map(appraisalRows.map((a) => [key(a.year, a.unitId), a]));
  const within = (date: string, y: SecretaryYear) => y.spans.some((s) => s.from <= date && date <= s.to);

  const out = [];
  for (const y of years) {
    const yearScores = scores.get(y.year)!;
    const own = yearScores.get(y.unit.id);
    const siblingPeers = [...(childrenOf.get(y.unit.parentId ?? -1) ?? [])].map((id) => yearScores.get(id)).filter((s) => !!s);
    const quadrant =
      siblingPeers.filter(both).length >= MIN_SIBLINGS
        ? placeIn(own, siblingPeers, "siblings")
        : both(own)
          ? placeIn(own, await gradedOf(y.year), "graded")
          : null;

    const cycle = cycleOf.get(y.year);
    const row = gradeOf.get(key(y.year, y.unit.id));
    const frozen = gradesFrozen(cycle);
    const grade: RecordGrade =
      frozen && row
        ? { grade: row.final ?? row.computed, state: cycle, changed: !!row.final && !!row.computed && row.final !== row.computed }
        : {
            grade: null,
            // The root is never graded (only the units under it are): no year of it is 评定中.
            state: y.unit.parentId !== null && !frozen && (cycle || y.year >= currentYear) ? "pending" : "none",
            changed: false,
          };

    const a = appraisalOf.get(key(y.year, y.unit.id));
    const valid = a ? a.good + a.fairlyGood + a.average + a.poor : 0;
    out.push({
      year: y.year,
      unitId: y.unit.id,
      unitName: y.unit.name,
      spans: y.spans,
      grade: grade.grade,
      gradeState: grade.state,
      gradeChanged: grade.changed,
      businessScore: own?.business ?? null,
      partyScore: own?.party ?? null,
      quarterly: own?.quarterly ?? [null, null, null, null],
      quadrant,
      appraisal: a
        ? {
            voters: a.voters,
            good: a.good,
            fairlyGood: a.fairlyGood,
            average: a.average,
            poor: a.poor,
            valid,
            goodRate: valid ? a.good / valid : null,
          }
        : null,
      inspections: inspectionRows
        .filter((i) => i.unitId === y.unit.id && i.inspectedOn.startsWith(`${y.year}-`))
        .map((i) => ({ id: i.id, inspectedOn: i.inspectedOn, result: i.result as InspectionResult, findings: i.findings })),
      cases: caseRows
        .filter((c) => c.unitId === y.unit.id && c.openedOn.startsWith(`${y.year}-`) && within(c.openedOn, y))
        .map((c) => ({
          id: c.id,
          openedOn: c.openedOn,
          subject: c.subject as CaseSubject,
          form: c.form as CaseForm,
          status: c.status as CaseStatus,
        })),
      items: itemRows
        .filter((i) => Number(i.unitId) === y.unit.id && Number(i.year) === y.year)
        .map((i) => ({ id: Number(i.id), content: i.content, deadline: i.deadline, done: i.done, evidence: i.evidence ?? "" })),
    });
  }
  return out;
}
