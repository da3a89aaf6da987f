import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every service that writes what the case-count, meeting-quality or flag-count rollups count
 * (cases, rectification items, meetings, duty reports, units — server/services/rollup/
 * case-counts.ts, meeting-quality.ts, flag-counts.ts) refreshes them in its transaction, or is
 * listed here with why it need not. A new writer fails this test until it does one or the other.
 */
const refreshers =
  /\b(refreshCaseCounts|refreshMeetingRollups|refreshUnitRollups|refreshRollupsAfterMove|refreshFlagCounts|refreshDutyReportCopy)\(/;

const writes = [
  /\.(insert|update|delete)\((cases|rectificationItems|meetings|dutyReports|units)\)/,
  /\b(insert into|update|delete from)\s+(cases|rectification_items|meetings|duty_reports|units)\b/i,
];

/** Writers that change nothing the rollups count, with the reason. */
const exempt: Record<string, string> = {
  "server/services/case/update.ts": "corrects subject, form, category, root cause, facts: not status, unit or items",
  "server/services/officer/secretary.ts": "relinks a case's officer only",
  "server/services/meeting/copied-match.ts":
    "stores the copied-minutes match only, and answers the meetings whose match it wrote: its callers refresh their flags",
  "server/services/assessment/duty-submit.ts": "moves a duty report's status: the copied match, the only flag, is unchanged",
  "server/services/assessment/duty-decide.ts": "decides a duty report's status: the copied match, the only flag, is unchanged",
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const rollupDir = path.join("server", "services", "rollup");
const writers = files("server")
  .filter((f) => !f.startsWith(rollupDir))
  .filter((f) => writes.some((w) => w.test(readFileSync(f, "utf8"))));

describe("writers of what the count rollups count", () => {
  it("are found (the scan still sees the known ones)", () => {
    expect(writers).toEqual(
      expect.arrayContaining([
        "server/services/case/create.ts",
        "server/services/case/transition.ts",
        "server/services/case/items.ts",
        "server/services/meeting/create.ts",
        "server/services/meeting/delete.ts",
        "server/services/unit/move.ts",
        "server/services/assessment/duty-save.ts",
        "server/services/assessment/duty-copy.ts",
      ]),
    );
  });

  it.each(writers)("%s refreshes the rollups or is exempt", (file) => {
    expect(refreshers.test(readFileSync(file, "utf8")) || file in exempt, `${file} writes counted rows without a refresh`).toBe(true);
  });
});
