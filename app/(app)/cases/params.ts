import { createLoader, createSerializer, parseAsStringLiteral } from "nuqs/server";
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
import type { ListCasesInput } from "~/app/_lib/api-types";
import { parseAsOneOrZero, parseAsPositiveId, parseAsQuarter } from "~/app/_lib/url-params";

export type CaseSearch = Record<string, string | string[] | undefined>;

/**
 * The case list's URL: its filters, and
 * `open=flag&meeting=…&flag=…`, which opens the 立案 form pre-filled from a formalism flag, or
 * `open=inspection&inspection=…&subject=…`, which pre-fills it from a 一岗双责 inspection.
 */
const caseFilterParsers = {
  unit: parseAsPositiveId,
  quarter: parseAsQuarter,
  category: parseAsStringLiteral(categoryCodes),
  form: parseAsStringLiteral(caseForms),
  status: parseAsStringLiteral(caseStatuses),
  overdue: parseAsOneOrZero,
};
const caseOpenParsers = {
  open: parseAsStringLiteral(["flag", "inspection"] as const),
  meeting: parseAsPositiveId,
  flag: parseAsStringLiteral(flagKinds),
  inspection: parseAsPositiveId,
  subject: parseAsStringLiteral(inspectionSubjects),
};
const loadCaseFilters = createLoader(caseFilterParsers);
const loadCaseOpen = createLoader(caseOpenParsers);
const serializeCaseFilters = createSerializer(caseFilterParsers);
/** The list on a unit with the 立案 form open and pre-filled: `{ unit, open: "flag", meeting, flag }` or `{ unit, open: "inspection", inspection, subject }`. */
export const caseOpenHref = createSerializer({ unit: parseAsPositiveId, ...caseOpenParsers });

/** The list filters held in the URL; anything malformed is ignored rather than an error page. */
export function caseFiltersFromParams(sp: CaseSearch, ownUnitId: number): ListCasesInput {
  const f = loadCaseFilters(sp);
  return {
    unitId: f.unit ?? ownUnitId,
    ...(f.quarter ? { quarter: f.quarter } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.form ? { form: f.form } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.overdue !== null ? { overdue: f.overdue } : {}),
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
  const o = loadCaseOpen(sp);
  if (o.open === "inspection" && o.inspection !== null) {
    return { sourceType: "inspection", sourceId: o.inspection, category: "responsibility", ...(o.subject ? { subject: o.subject } : {}) };
  }
  if (o.open !== "flag" || o.meeting === null) return null;
  return { sourceType: "flag", sourceId: o.meeting, category: "inner_life", ...(o.flag ? { flagKind: o.flag } : {}) };
}

/** The URL of the list with these filters (and nothing else). */
export const casesHref = (f: ListCasesInput): string =>
  serializeCaseFilters("/cases", {
    unit: f.unitId,
    quarter: f.quarter ?? null,
    category: f.category ?? null,
    form: f.form ?? null,
    status: f.status ?? null,
    overdue: f.overdue ?? null,
  });
