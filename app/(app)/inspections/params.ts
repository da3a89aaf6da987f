import { createLoader, createSerializer, parseAsStringLiteral } from "nuqs/server";
import { inspectionResults, type InspectionSubject } from "~/lib/codes";
import { caseOpenHref } from "../cases/params";
import type { ListInspectionsInput } from "~/app/_lib/api-types";
import { parseAsPositiveId, parseAsQuarter } from "~/app/_lib/url-params";

export type InspectionSearch = Record<string, string | string[] | undefined>;

/** The inspection list's filters as they live in the URL: `?unit=&quarter=&result=`. */
const inspectionFilterParsers = { unit: parseAsPositiveId, quarter: parseAsQuarter, result: parseAsStringLiteral(inspectionResults) };
const loadInspectionFilters = createLoader(inspectionFilterParsers);
const serializeInspectionFilters = createSerializer(inspectionFilterParsers);

/** The list filters held in the URL; anything malformed is ignored rather than an error page. */
export function inspectionFiltersFromParams(sp: InspectionSearch, ownUnitId: number): ListInspectionsInput {
  const f = loadInspectionFilters(sp);
  return {
    unitId: f.unit ?? ownUnitId,
    ...(f.quarter ? { quarter: f.quarter } : {}),
    ...(f.result ? { result: f.result } : {}),
  };
}

/** The URL of the list with these filters (and nothing else). */
export const inspectionsHref = (f: ListInspectionsInput): string =>
  serializeInspectionFilters("/inspections", { unit: f.unitId, quarter: f.quarter ?? null, result: f.result ?? null });

/** The 立案问责 link of an inspection: the case form on its unit, pre-filled with it as the source. */
export const openCaseHref = (i: { id: number; unitId: number; subject: InspectionSubject }) =>
  caseOpenHref("/cases", { unit: i.unitId, open: "inspection", inspection: i.id, subject: i.subject });
