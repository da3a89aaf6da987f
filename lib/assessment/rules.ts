import type { CaseForm, Grade, VetoCode } from "~/lib/codes";

/**
 * The rules of one year's assessment (assessment_cycles.rules), set by an admin while the year is
 * open or rating and frozen when it is final. Fractions are 0–1; scores are 0–100.
 */
export type CycleRules = {
  /** The most units of the cycle that may be graded 好 (and, when set, 较好), as a fraction of the graded units: floor(fraction × n). */
  quotas: { good: number; fairlyGood?: number | null };
  /** Weights of the inputs of the score; they add up to 1. An input a unit lacks gives its weight to the others. */
  weights: { quarterly: number; appraisal: number; inspections: number };
  /** The score bands: ≥ good → 好, ≥ fairlyGood → 较好, ≥ average → 一般, below → 差. */
  thresholds: { good: number; fairlyGood: number; average: number };
  /** Points taken off the score for each decided case of the year against the unit or its secretary, by form. */
  caseDeductions: Record<CaseForm, number>;
  /** Veto rules switched on, each capping the grade at `cap`. */
  vetoes: { code: VetoCode; cap: Grade }[];
  /** 述职报告 due (YYYY-MM-DD). */
  dutyReportDeadline: string;
  /** 公示 dates (YYYY-MM-DD), set when the cycle is publicised. */
  publicityFrom?: string | null;
  publicityTo?: string | null;
};

/** The rules a new cycle starts from (the admin changes them before rating). */
export function defaultCycleRules(year: number): CycleRules {
  return {
    quotas: { good: 0.2, fairlyGood: null },
    weights: { quarterly: 0.6, appraisal: 0.3, inspections: 0.1 },
    thresholds: { good: 90, fairlyGood: 80, average: 60 },
    caseDeductions: { inspection: 2, notice: 4, admonition: 6, reorganisation: 10, org_adjustment: 10, discipline: 10 },
    vetoes: [
      { code: "secretary_admonition", cap: "fairly_good" },
      { code: "unit_reorganised", cap: "poor" },
      { code: "inspection_failed", cap: "average" },
      { code: "duty_report_missing", cap: "average" },
      { code: "duty_report_copied", cap: "fairly_good" },
    ],
    dutyReportDeadline: `${year + 1}-01-20`,
    publicityFrom: null,
    publicityTo: null,
  };
}

/** 诫勉 or heavier (问责条例 art. 8): the forms that trip the secretary_admonition veto. */
export const admonitionOrHeavier: readonly CaseForm[] = ["admonition", "org_adjustment", "discipline"];
/** 改组 or heavier against the organisation: the forms that trip the unit_reorganised veto. */
export const reorganisationOrHeavier: readonly CaseForm[] = ["reorganisation"];
