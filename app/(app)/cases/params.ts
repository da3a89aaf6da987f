import {
  caseForms,
  caseStatuses,
  categoryCodes,
  flagKinds,
  inspectionSubjects,
  type CaseSourceType,
  type CaseSubject,
  type CategoryCode,
  type FlagKind,
} from "~/lib/codes";
import { parseQuarter } from "~/lib/quarter";
import type { ListCasesInput } from "~/app/_lib/api-types";

export type CaseSearch = {
  unit?: string;
  quarter?: string;
  category?: string;
  form?: string;
  status?: string;
  overdue?: string;
  /** `open=flag&meeting=…&flag=…` opens the 立案 form pre-filled from a formalism flag. */
  open?: string;
  meeting?: string;
  flag?: string;
  /** `open=inspection&inspection=…&subject=…` pre-fills it from a 一岗双责 inspection. */
  inspection?: string;
  subject?: string;
};

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  list.includes(v as T) ? (v as T) : undefined;

/** The list filters held in the URL; anything malformed is ignored rather than an error page. */
export function caseFiltersFromParams(sp: CaseSearch, ownUnitId: number): ListCasesInput {
  const unitId = Number(sp.unit) > 0 ? Math.floor(Number(sp.unit)) : ownUnitId;
  return {
    unitId,
    ...(sp.quarter && parseQuarter(sp.quarter) ? { quarter: sp.quarter } : {}),
    ...(oneOf(categoryCodes, sp.category) ? { category: sp.category as CategoryCode } : {}),
    ...(oneOf(caseForms, sp.form) ? { form: oneOf(caseForms, sp.form) } : {}),
    ...(oneOf(caseStatuses, sp.status) ? { status: oneOf(caseStatuses, sp.status) } : {}),
    ...(sp.overdue === "1" ? { overdue: true } : sp.overdue === "0" ? { overdue: false } : {}),
  };
}

export type CasePrefill = {
  sourceType: CaseSourceType;
  sourceId: number;
  flagKind?: FlagKind;
  category: CategoryCode;
  subject?: CaseSubject;
} | null;

/**
 * A flag's 立案问责 link: the meeting and the flag kind; formalism flags are inner_life problems.
 * An inspection's: the inspection and who was checked; 一岗双责 is a responsibility problem.
 */
export function caseOpenFromParams(sp: CaseSearch): CasePrefill {
  if (sp.open === "inspection" && Number(sp.inspection) > 0) {
    const subject = oneOf(inspectionSubjects, sp.subject);
    return {
      sourceType: "inspection",
      sourceId: Math.floor(Number(sp.inspection)),
      category: "responsibility",
      ...(subject ? { subject } : {}),
    };
  }
  if (sp.open !== "flag" || !(Number(sp.meeting) > 0)) return null;
  const flagKind = oneOf(flagKinds, sp.flag);
  return { sourceType: "flag", sourceId: Math.floor(Number(sp.meeting)), category: "inner_life", ...(flagKind ? { flagKind } : {}) };
}

/** The URL of the list with these filters (and nothing else). */
export function casesHref(f: ListCasesInput): string {
  const q = new URLSearchParams({ unit: String(f.unitId) });
  if (f.quarter) q.set("quarter", f.quarter);
  if (f.category) q.set("category", f.category);
  if (f.form) q.set("form", f.form);
  if (f.status) q.set("status", f.status);
  if (f.overdue !== undefined) q.set("overdue", f.overdue ? "1" : "0");
  return `/cases?${q.toString()}`;
}
