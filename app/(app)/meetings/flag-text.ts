import type { FlagKind, MeetingType } from "~/db/codes";
import type { RouterOutputs } from "~/app/_lib/trpc/types";

export type Flag = RouterOutputs["meeting"]["flags"][number];

/** Badge tone of each formalism flag. */
export const flagTone: Record<FlagKind, "warning" | "info"> = {
  zero_criticism: "warning",
  low_attendance: "warning",
  copied_minutes: "warning",
  quarter_end_bunching: "info",
};

type T = (key: string, values?: Record<string, string | number>) => string;

/** A flag's evidence as one sentence (evidence fields are listed in server/services/meeting/flags.ts). */
export function evidenceText(t: T, flag: Flag): string {
  const e = flag.evidence as Record<string, string | number | boolean | null>;
  const type = flag.meetingType ? t(`types.${flag.meetingType as MeetingType}`) : "";
  const date = flag.date ?? "";
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
      return t("flags.evidence.copied_minutes", {
        date,
        type,
        unit: String(e.otherUnitName),
        sameUnit: String(e.sameUnit === true),
        otherDate: String(e.otherDate),
        similarity: `${Math.round(Number(e.similarity) * 100)}%`, // similarity as a percentage: 相似度 87%
      });
    case "quarter_end_bunching":
      return t("flags.evidence.quarter_end_bunching", { count: Number(e.count), first: String(e.firstDate), last: String(e.lastDate) });
  }
}
