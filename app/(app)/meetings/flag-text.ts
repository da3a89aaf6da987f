import type { FlagKind } from "~/lib/codes";
import { formatDate, formatPercent } from "~/app/_lib/format-date";
import type { RouterOutputs } from "~/app/_lib/trpc/types";

export type Flag = RouterOutputs["meeting"]["flags"][number];

/** Badge tone of each formalism flag. */
export const flagTone: Record<FlagKind, "warning" | "info"> = {
  zero_criticism: "warning",
  low_attendance: "warning",
  copied_minutes: "warning",
  quarter_end_bunching: "info",
  copied_duty_report: "warning",
};

type T = (key: string, values?: Record<string, string | number>) => string;

/** A flag's evidence as one sentence (evidence fields are listed in server/services/meeting/flags.ts). */
export function evidenceText(t: T, flag: Flag, locale = "zh-CN"): string {
  const e = flag.evidence as Record<string, string | number | boolean | null>;
  const type = flag.meetingType ? t(`types.${flag.meetingType}`) : "";
  const date = flag.date ? formatDate(flag.date, locale) : "";
  switch (flag.kind) {
    case "zero_criticism":
      return t("flags.evidence.zero_criticism", { date, type, count: Number(e.count) });
    case "low_attendance":
      return t("flags.evidence.low_attendance", {
        date,
        type,
        present: Number(e.present),
        expected: Number(e.expected),
        ratio: (Number(e.ratio) * 100).toFixed(0),
      });
    case "copied_minutes":
      // A match outside the reader's reach comes without its unit, id or date (server/services/meeting/out-of-reach.ts).
      if (e.otherReadable !== true)
        return t("flags.evidence.copied_minutes_out_of_reach", { date, type, similarity: Number(e.similarity).toFixed(2) });
      return t("flags.evidence.copied_minutes", {
        date,
        type,
        unit: String(e.otherUnitName),
        sameUnit: String(e.sameUnit === true),
        otherDate: formatDate(String(e.otherDate), locale),
        similarity: formatPercent(Number(e.similarity)),
      });
    case "copied_duty_report":
      if (e.otherReadable !== true)
        return t("flags.evidence.copied_duty_report_out_of_reach", { year: Number(e.year), similarity: Number(e.similarity).toFixed(2) });
      return t("flags.evidence.copied_duty_report", {
        year: Number(e.year),
        unit: String(e.otherUnitName),
        sameUnit: String(e.sameUnit === true),
        otherYear: Number(e.otherYear),
        similarity: formatPercent(Number(e.similarity)),
      });
    case "quarter_end_bunching":
      return t("flags.evidence.quarter_end_bunching", {
        count: Number(e.count),
        first: formatDate(String(e.firstDate), locale),
        last: formatDate(String(e.lastDate), locale),
      });
  }
}
