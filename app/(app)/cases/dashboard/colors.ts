import type { CaseForm, CaseStatus } from "~/lib/codes";

/**
 * Forms of accountability in one blue-grey ramp, lightest to darkest from 检查 to 纪律处分 (so
 * they are never mistaken for the six category colours; the legend names each).
 */
export const formColors: Record<CaseForm, string> = {
  inspection: "#c3cfdb",
  notice: "#97abbf",
  reorganisation: "#6d879f",
  admonition: "#4b6580",
  org_adjustment: "#2f4860",
  discipline: "#172a3d",
};

const openGrey = "#6b6b6b";

/** The four open statuses in one grey, the closed one in a calm green (the legend says 未结 / 已销号). */
export const statusColors: Record<CaseStatus, string> = {
  opened: openGrey,
  investigating: openGrey,
  decided: openGrey,
  rectifying: openGrey,
  closed: "#3f7d58",
};

export const rootCauseColor = "#5b6b7a";
