import type { Heatmap } from "./overview-data";

/** Whether the next level down can be compared, and if not, why (the same for the heatmap and best/worst). */
export type SubunitsState =
  | { kind: "loading"; quarter: string | null }
  /** `alwaysEmpty`: no units below to compare whatever the filters (staff, or a single branch) — phones hide such cards. */
  | { kind: "empty"; quarter: string | null; message: string; hint?: string; alwaysEmpty?: boolean }
  | { kind: "ready"; quarter: string };

export function subunitsState(opts: {
  quarter: string | null;
  heatmap: Heatmap | undefined;
  loading: boolean;
  ownUnitOnly: boolean;
  unitName: string;
  text: {
    staff: string;
    leaf: (name: string) => string;
    noReports: string;
    noSubunitScores: (quarter: string) => string;
    tryInclude: string;
  };
}): SubunitsState {
  const q = opts.quarter;
  if (opts.ownUnitOnly) return { kind: "empty", quarter: q, message: opts.text.staff, alwaysEmpty: true };
  if (!q)
    return opts.loading
      ? { kind: "loading", quarter: null }
      : { kind: "empty", quarter: null, message: opts.text.noReports, hint: opts.text.tryInclude };
  if (!opts.heatmap) return opts.loading ? { kind: "loading", quarter: q } : { kind: "empty", quarter: q, message: opts.text.noReports };
  if (opts.heatmap.rows.length === 0) return { kind: "empty", quarter: q, message: opts.text.leaf(opts.unitName), alwaysEmpty: true };
  if (opts.heatmap.rows.every((r) => r.composite === null)) {
    return { kind: "empty", quarter: q, message: opts.text.noSubunitScores(q), hint: opts.text.tryInclude };
  }
  return { kind: "ready", quarter: q };
}
