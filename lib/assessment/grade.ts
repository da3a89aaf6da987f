import { grades, type CaseForm, type CaseSubject, type Grade, type InspectionResult, type VetoCode } from "~/lib/codes";
import { admonitionOrHeavier, reorganisationOrHeavier, type CycleRules } from "./rules";

/**
 * The grade of a unit's year (分类定级), DESIGN.md "Annual assessment": one pure function used by
 * the server (grades, 公示, freeze), the pages (the breakdown) and the property tests.
 *
 *   score = Σ part × weight (parts a unit lacks give their weight to the others) − case deductions
 *   band  = the threshold band of the score;  capped = the worst of band and every veto's cap
 *   quota: ranked by score over the cycle's graded units, at most floor(q × n) keep 好 (and 较好
 *   when that quota is set); the others move down one grade.
 */

/** Everything one unit's grade is computed from. */
export type GradeInputs = {
  unitId: number;
  /** The composites of the year's four quarters (Q1…Q4) from approved reports; null: none approved (counts 0). */
  quarterly: readonly (number | null)[];
  /**
   * How many of the year's quarters have ended (1–4; default 4): a running year is scored on its
   * ended quarters only, so a grade worked out in December does not count Q4 as 0.
   */
  quartersDue?: number;
  /**
   * Quarters whose report is handed in but not yet reviewed (待审核, Q1…Q4): while it waits, such a
   * quarter is left out of the average instead of counting 0 — the unit is not held to the
   * reviewer's backlog. Default: none.
   */
  pendingQuarters?: readonly boolean[];
  /** The 民主测评 ballots; null: none entered. */
  appraisal: { good: number; fairlyGood: number; average: number; poor: number } | null;
  /** Results of the year's 一岗双责 inspections of the secretary (withdrawn ones left out). */
  inspections: readonly InspectionResult[];
  /** The year's decided (or later) cases against the unit (organisation) or its secretary. */
  cases: readonly { form: CaseForm; subject: CaseSubject }[];
  /** The duty report: not submitted, submitted, or submitted and flagged as copied. */
  dutyReport: "missing" | "submitted" | "copied";
  /**
   * Whether a missing duty report counts against the unit yet (dutyReportsDue, cycle-status.ts:
   * the deadline has passed or the year is past its open stage). Default true.
   */
  dutyReportDue?: boolean;
};

export type GradePart = "quarterly" | "appraisal" | "inspections";

export type GradeBreakdown = {
  parts: { part: GradePart; score: number | null; weight: number; effectiveWeight: number }[];
  quarterly: (number | null)[];
  /** The quarters counted (the ended ones); a later quarter is shown but not averaged. */
  quartersDue: number;
  /** Ended quarters left out of the average while their report awaits review (待审核); absent in rows frozen before it existed. */
  pendingQuarters?: boolean[];
  /** A missing duty report whose deadline has not come yet: no veto, shown as 未到截止日期. */
  dutyReportNotDue?: boolean;
  base: number;
  deductions: { form: CaseForm; subject: CaseSubject; points: number }[];
  score: number;
  band: Grade;
  vetoes: { code: VetoCode; cap: Grade }[];
  capped: Grade;
  /** Set by the cohort ranking: the place by score (1 = best) among n graded units, and whether a quota moved it down. */
  quota: { rank: number; of: number; allowedGood: number; allowedFairlyGood: number | null; movedDown: boolean } | null;
};

export type GradeResult = { unitId: number; score: number; computed: Grade; breakdown: GradeBreakdown };

/** Ballot values: 好 100, 较好 80, 一般 60, 差 0. */
const ballotPoints = { good: 100, fairlyGood: 80, average: 60, poor: 0 } as const;
/** Inspection results: 合格 100, 基本合格 70, 不合格 0. */
const inspectionPoints: Record<InspectionResult, number> = { pass: 100, basic: 70, fail: 0 };

const rankOf = (g: Grade) => grades.indexOf(g);
/** The worse of two grades. */
export const worseGrade = (a: Grade, b: Grade): Grade => (rankOf(a) >= rankOf(b) ? a : b);
const round2 = (x: number) => Math.round(x * 100) / 100;

export function appraisalScore(a: GradeInputs["appraisal"]): number | null {
  if (!a) return null;
  const valid = a.good + a.fairlyGood + a.average + a.poor;
  if (valid <= 0) return null;
  return (a.good * ballotPoints.good + a.fairlyGood * ballotPoints.fairlyGood + a.average * ballotPoints.average) / valid;
}

export function bandOf(score: number, t: CycleRules["thresholds"]): Grade {
  if (score >= t.good) return "good";
  if (score >= t.fairlyGood) return "fairly_good";
  if (score >= t.average) return "average";
  return "poor";
}

/** The vetoes of `rules` that the inputs trip. */
export function trippedVetoes(inputs: GradeInputs, rules: CycleRules): { code: VetoCode; cap: Grade }[] {
  const tripped = (code: VetoCode): boolean => {
    switch (code) {
      case "secretary_admonition":
        return inputs.cases.some((c) => c.subject === "secretary" && admonitionOrHeavier.includes(c.form));
      case "unit_reorganised":
        return inputs.cases.some((c) => c.subject === "organisation" && reorganisationOrHeavier.includes(c.form));
      case "inspection_failed":
        return inputs.inspections.includes("fail");
      case "duty_report_missing":
        return inputs.dutyReport === "missing" && (inputs.dutyReportDue ?? true);
      case "duty_report_copied":
        return inputs.dutyReport === "copied";
    }
  };
  return rules.vetoes.filter((v) => tripped(v.code));
}

/** One unit's score, band and veto cap (no quota: see `gradeCohort`). */
export function scoreUnit(inputs: GradeInputs, rules: CycleRules): GradeResult {
  const quarters = [0, 1, 2, 3].map((i) => inputs.quarterly[i] ?? null);
  const due = Math.min(4, Math.max(1, Math.floor(inputs.quartersDue ?? 4)));
  const pending = [0, 1, 2, 3].map((i) => i < due && quarters[i] === null && (inputs.pendingQuarters?.[i] ?? false));
  // The ended quarters but those awaiting review; a missing one counts 0. None left: no quarterly part.
  const counted = quarters.slice(0, due).filter((_, i) => !pending[i]);
  const quarterly = counted.length === 0 ? null : counted.reduce<number>((s, q) => s + (q ?? 0), 0) / counted.length;
  const inspection =
    inputs.inspections.length === 0 ? null : inputs.inspections.reduce((s, r) => s + inspectionPoints[r], 0) / inputs.inspections.length;
  const raw: { part: GradePart; score: number | null; weight: number }[] = [
    { part: "quarterly", score: quarterly, weight: rules.weights.quarterly },
    { part: "appraisal", score: appraisalScore(inputs.appraisal), weight: rules.weights.appraisal },
    { part: "inspections", score: inspection, weight: rules.weights.inspections },
  ];
  const present = raw.filter((p) => p.score !== null).reduce((s, p) => s + p.weight, 0);
  const parts = raw.map((p) => ({ ...p, effectiveWeight: p.score === null || present === 0 ? 0 : p.weight / present }));
  const base = parts.reduce((s, p) => s + (p.score ?? 0) * p.effectiveWeight, 0);
  const deductions = inputs.cases.map((c) => ({ ...c, points: rules.caseDeductions[c.form] ?? 0 }));
  const score = round2(Math.max(0, base - deductions.reduce((s, d) => s + d.points, 0)));
  const band = bandOf(score, rules.thresholds);
  const vetoes = trippedVetoes(inputs, rules);
  const capped = vetoes.reduce<Grade>((g, v) => worseGrade(g, v.cap), band);
  return {
    unitId: inputs.unitId,
    score,
    computed: capped,
    breakdown: {
      parts: parts.map((p) => ({ ...p, score: p.score === null ? null : round2(p.score), effectiveWeight: round2(p.effectiveWeight) })),
      quarterly: quarters,
      quartersDue: due,
      pendingQuarters: pending,
      dutyReportNotDue: inputs.dutyReport === "missing" && !(inputs.dutyReportDue ?? true),
      base: round2(base),
      deductions,
      score,
      band,
      vetoes,
      capped,
      quota: null,
    },
  };
}

/** The most units allowed a grade by a quota fraction: floor(fraction × n) (a tiny epsilon keeps 0.2 × 10 at 2). */
export const quotaCount = (fraction: number, n: number) => Math.floor(fraction * n + 1e-9);

/** Where the quotas put one unit: its grade after the quota step and its place (breakdown.quota). */
export type QuotaPlace = { grade: Grade; quota: NonNullable<GradeBreakdown["quota"]> };

/**
 * The quota step over a cycle's scored units (scoreUnit's `computed` before quotas): ranked by
 * score, then unit id; at most floor(q × n) keep 好 (and 较好 when that quota is set). A unit over
 * the 好 quota becomes 较好; over the 较好 quota, 一般. Used by `gradeCohort` and by the stored
 * scores' read (server/services/assessment/grade-store.ts), so the rule has one home.
 */
export function applyQuotas(
  scored: readonly { unitId: number; score: number; computed: Grade }[],
  rules: CycleRules,
): Map<number, QuotaPlace> {
  const order = [...scored].sort((a, b) => b.score - a.score || a.unitId - b.unitId);
  const n = order.length;
  const allowedGood = quotaCount(rules.quotas.good, n);
  const fairlyQuota = rules.quotas.fairlyGood ?? null;
  const allowedFairlyGood = fairlyQuota === null ? null : quotaCount(fairlyQuota, n);
  let good = 0;
  let fairly = 0;
  const places = new Map<number, QuotaPlace>();
  order.forEach((r, i) => {
    let g = r.computed;
    if (g === "good") {
      if (good < allowedGood) good++;
      else g = "fairly_good";
    }
    if (g === "fairly_good" && allowedFairlyGood !== null) {
      if (fairly < allowedFairlyGood) fairly++;
      else g = "average";
    }
    places.set(r.unitId, { grade: g, quota: { rank: i + 1, of: n, allowedGood, allowedFairlyGood, movedDown: g !== r.computed } });
  });
  return places;
}

/** Grades a cycle's units together: scores each (`scoreUnit`), then applies the quotas by rank (`applyQuotas`). */
export function gradeCohort(all: readonly GradeInputs[], rules: CycleRules): GradeResult[] {
  const scored = all.map((u) => scoreUnit(u, rules));
  const places = applyQuotas(scored, rules);
  for (const r of scored) {
    const place = places.get(r.unitId)!;
    r.breakdown.quota = place.quota;
    r.computed = place.grade;
  }
  return scored;
}
