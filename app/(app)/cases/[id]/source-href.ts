import { unitQuarterHref } from "~/app/_lib/quarter-params";
import type { CaseSourceType } from "~/lib/codes";
import { inspectionsHref } from "../../inspections/params";

type Source = { unitId: number; sourceType: CaseSourceType | null; sourceId: number | null; sourceQuarter: string | null };

/** Where a case's source lives in the app: the meeting, the report, the inspection or the review meeting. */
export function sourceHref(c: Source): string | null {
  // A report finding is the unit's report of a quarter; older cases may name no record.
  if (c.sourceType === "report" && !c.sourceId) return unitQuarterHref("/report", { unit: c.unitId });
  if (!c.sourceType || !c.sourceId) return null;
  switch (c.sourceType) {
    case "flag":
    case "meeting":
      return c.sourceQuarter ? `${unitQuarterHref("/meetings", { unit: c.unitId, quarter: c.sourceQuarter })}#meeting-${c.sourceId}` : null;
    case "report":
      return unitQuarterHref("/report", { unit: c.unitId, quarter: c.sourceQuarter });
    case "inspection":
      return c.sourceQuarter
        ? `${inspectionsHref({ unitId: c.unitId, quarter: c.sourceQuarter })}#inspection-${c.sourceId}`
        : inspectionsHref({ unitId: c.unitId });
    case "review_meeting":
      return `/review/${c.sourceId}`;
  }
}
