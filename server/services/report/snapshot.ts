import "server-only";
import type { LoadedReport } from "./load";

/** What the audit log keeps of a report (same shape as report.save's entries). */
export function reportSnapshot(r: LoadedReport) {
  return {
    quarter: r.quarter,
    status: r.status,
    version: r.version,
    businessScore: r.businessScore,
    note: r.note,
    values: Object.fromEntries(r.values.map((v) => [v.indicatorCode, v.value])),
  };
}
