import { addQuarters, defaultReportingQuarter, parseQuarter, quarterOf } from "~/lib/quarter";

/**
 * Unit and quarter from a page's search params: the given unit or the user's own, the given
 * quarter if it has started or the default reporting quarter; plus the quarters a picker offers
 * (the running one and the eight before it).
 */
export function unitQuarterFromParams(sp: { unit?: string; quarter?: string }, ownUnitId: number) {
  const unitId = Number(sp.unit) > 0 ? Math.floor(Number(sp.unit)) : ownUnitId;
  const running = quarterOf(new Date());
  const quarters = Array.from({ length: 9 }, (_, i) => addQuarters(running, -i));
  const quarter = sp.quarter && parseQuarter(sp.quarter) && sp.quarter <= running ? sp.quarter : defaultReportingQuarter();
  return { unitId, quarter, quarters, running };
}
