import { createLoader, createSerializer } from "nuqs/server";
import { addQuarters, defaultReportingQuarter, quarterOf } from "~/lib/quarter";
import { parseAsPositiveId, parseAsQuarter } from "./url-params";

/** `?unit=&quarter=` of the pages with a unit and quarter picker (report, meetings, completeness, new review). */
export const unitQuarterParsers = { unit: parseAsPositiveId, quarter: parseAsQuarter };
const loadUnitQuarter = createLoader(unitQuarterParsers);
/** The URL of `base` for this unit and quarter (and nothing else). */
export const unitQuarterHref = createSerializer(unitQuarterParsers);

/**
 * Unit and quarter from a page's search params: the given unit or the user's own, the given
 * quarter if it has started or the default reporting quarter; plus the quarters a picker offers
 * (the running one and the eight before it).
 */
export function unitQuarterFromParams(sp: Record<string, string | string[] | undefined>, ownUnitId: number) {
  const picked = loadUnitQuarter(sp);
  const unitId = picked.unit ?? ownUnitId;
  const running = quarterOf(new Date());
  const quarters = Array.from({ length: 9 }, (_, i) => addQuarters(running, -i));
  const quarter = picked.quarter && picked.quarter <= running ? picked.quarter : defaultReportingQuarter();
  return { unitId, quarter, quarters, running };
}
