import type { RouterOutputs } from "~/app/_lib/trpc/types";

/** One unit's assessment year as `assessment.getUnitYear` returns it. */
export type UnitYear = RouterOutputs["assessment"]["getUnitYear"];
export type UnitYearReport = NonNullable<UnitYear["dutyReport"]>;
export type DutyReportList = RouterOutputs["assessment"]["listDutyReports"];
export type DutyReportRow = DutyReportList["rows"][number];

/** Badge tone of each duty report state. */
export const dutyStatusTone = { none: "neutral", draft: "neutral", submitted: "info", accepted: "success", returned: "warning" } as const;
