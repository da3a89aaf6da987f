import { partyRed } from "~/app/_lib/categories";
import type { Grade, OfficerOutcomeKind } from "~/lib/codes";

/** One colour per grade (好 green … 差 党建红), and grey for a unit without a frozen grade; the legend and tables name them too. */
export const gradeColors: Record<Grade, string> = { good: "#15803D", fairly_good: "#2563EB", average: "#D97706", poor: partyRed };
export const ungradedColor = "#737373";

/** One colour per outcome kind: 提拔 党建红, 表彰 gold, 调整 blue. */
export const outcomeColors: Record<OfficerOutcomeKind, string> = { promoted: partyRed, commended: "#B45309", adjusted: "#1D4ED8" };
