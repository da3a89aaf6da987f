/** Badge tone of each report state, the same on every page. */
export const statusTone = {
  not_started: "neutral",
  draft: "neutral",
  submitted: "info",
  approved: "success",
  returned: "warning",
} as const;
