import type { CaseStatus } from "~/lib/codes";

/** Badge colours of the case statuses: open work amber/blue, closed green. */
export const statusTone: Record<CaseStatus, "neutral" | "info" | "success" | "warning"> = {
  opened: "neutral",
  investigating: "info",
  decided: "info",
  rectifying: "warning",
  closed: "success",
};
