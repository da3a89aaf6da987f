import { unitQuarterHref } from "~/app/_lib/quarter-params";
import type { ChartData, ChartRow } from "~/app/_components/charts/chart-data";
import { threeMeetingsOneLecture, type MeetingType } from "~/lib/codes";

/**
 * Pure mappers from `dashboard.meetingQuality` to what the meeting-quality page draws and
 * exports. Labels come in translated; quarters are written by the caller's `quarterLabel`.
 */
export type CompletionPoint = { quarter: string; type: MeetingType; held: number; required: number; rate: number | null };
type QuarterLabel = (quarter: string) => string;

/**
 * One colour per 三会一课 type (only here; always named in the legend): four hues far apart
 * (Okabe–Ito blue, orange, bluish green beside 党建红), each line also dashed differently, so
 * the types stay apart for colour-blind readers and in grey print.
 */
export const meetingTypeColors: Partial<Record<MeetingType, string>> = {
  branch_assembly: "#B71C1C",
  committee: "#0072B2",
  group: "#E69F00",
  party_lecture: "#009E73",
};
export const meetingTypeDashes: Partial<Record<MeetingType, string | undefined>> = {
  branch_assembly: undefined,
  committee: "6 3",
  group: "2 3",
  party_lecture: "10 3 2 3",
};

/** The completion table and files: one row per quarter and type, as the lines are drawn from it. */
export function completionData(
  points: CompletionPoint[],
  labels: { quarter: string; type: string; held: string; required: string; rate: string; typeName: (t: MeetingType) => string },
  quarterLabel: QuarterLabel,
): ChartData {
  return {
    columns: [
      { key: "quarter", label: labels.quarter },
      { key: "type", label: labels.type },
      { key: "held", label: labels.held, decimals: 0 },
      { key: "required", label: labels.required, decimals: 0 },
      { key: "rate", label: labels.rate },
    ],
    rows: points.map((p) => ({
      quarter: quarterLabel(p.quarter),
      type: labels.typeName(p.type),
      held: p.held,
      required: p.required,
      rate: p.rate,
    })),
  };
}

/** The same points, one row per quarter with a rate column per type (the chart's rows); `quarters` keeps the order. */
export function completionByQuarter(points: CompletionPoint[], quarterLabel: QuarterLabel): { quarters: string[]; rows: ChartRow[] } {
  const quarters = [...new Set(points.map((p) => p.quarter))];
  const rows = quarters.map((q) => {
    const row: ChartRow = { quarter: quarterLabel(q) };
    for (const type of threeMeetingsOneLecture) row[type] = points.find((p) => p.quarter === q && p.type === type)?.rate ?? null;
    return row;
  });
  return { quarters, rows };
}

/** Histogram rows: score band and meeting count. */
export function distributionData(buckets: { bucket: string; count: number }[], labels: { bucket: string; count: string }): ChartData {
  return {
    columns: [
      { key: "bucket", label: labels.bucket },
      { key: "count", label: labels.count, decimals: 0 },
    ],
    rows: buckets.map((b) => ({ bucket: b.bucket, count: b.count })),
  };
}

/** Where a flag's 查看 link goes: the meeting itself, or (季末扎堆) the unit's meetings of that quarter. */
export function flagHref(f: { unitId: number; quarter: string; meetingId: number | null }): string {
  const base = unitQuarterHref("/meetings", { unit: f.unitId, quarter: f.quarter });
  return f.meetingId === null ? base : `${base}#meeting-${f.meetingId}`;
}
