import { inspectionResults } from "~/lib/codes";
import { parseQuarter } from "~/lib/quarter";
import type { ListInspectionsInput } from "~/app/_lib/api-types";

export type InspectionSearch = { unit?: string; quarter?: string; result?: string };

/** The list filters held in the URL; anything malformed is ignored rather than an error page. */
export function inspectionFiltersFromParams(sp: InspectionSearch, ownUnitId: number): ListInspectionsInput {
  const unitId = Number(sp.unit) > 0 ? Math.floor(Number(sp.unit)) : ownUnitId;
  const result = inspectionResults.find((r) => r === sp.result);
  return {
    unitId,
    ...(sp.quarter && parseQuarter(sp.quarter) ? { quarter: sp.quarter } : {}),
    ...(result ? { result } : {}),
  };
}

/** The URL of the list with these filters (and nothing else). */
export function inspectionsHref(f: ListInspectionsInput): string {
  const q = new URLSearchParams({ unit: String(f.unitId) });
  if (f.quarter) q.set("quarter", f.quarter);
  if (f.result) q.set("result", f.result);
  return `/inspections?${q.toString()}`;
}

/** The 立案问责 link of an inspection: the case form on its unit, pre-filled with it as the source. */
export const openCaseHref = (i: { id: number; unitId: number; subject: string }) =>
  `/cases?unit=${i.unitId}&open=inspection&inspection=${i.id}&subject=${i.subject}`;
