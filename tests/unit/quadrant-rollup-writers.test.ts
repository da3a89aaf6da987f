import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The quadrant rollup (server/services/rollup/quadrant.ts) is kept by whatever writes the facts
 * it is made of. Two scans, so a new writer fails here until it refreshes it:
 * - every function of the server that writes `unit_scores` or its facts (`insertFacts`), or
 *   rewrites the units' paths or regions in the rollups, also refreshes the quadrant rollup in
 *   the same function (and so in the same transaction) — or is listed with why it need not;
 * - every service that writes reports either moves them through `refreshRollupsForReport` /
 *   `rebuildRollups` (which refresh it) or is listed with why its writes count for nothing.
 */
const quadrantRefreshers = /\b(refreshQuadrantForReport|refreshQuadrantAfterMove|rebuildQuadrantRollup)\(/;
const factWrites = [
  /\b(insert into|update|delete from)\s+unit_scores\b/i,
  /\.(insert|update|delete)\(unitScores\)/,
  /\binsertFacts\(/,
  /\bupdate\s+subtree_scores\b.*region_id/i,
];

/** Functions writing facts that need no refresh of their own, with the reason. */
const exemptFunctions: Record<string, string> = {
  "server/services/rollup/facts.ts insertFacts": "inserts after its caller deleted; the caller refreshes the quadrant",
};

const reportWrites = [/\.(insert|update|delete)\(reports\)/, /\b(insert into|update|delete from)\s+reports\b/i];
const reportRefreshers = /\b(refreshRollupsForReport|rebuildRollups)\(/;
/** Report writers whose writes reach no fact, with the reason. */
const exemptReportWriters: Record<string, string> = {
  "server/services/report/save.ts": "saves drafts and returned reports only (isReportEditable): neither is counted",
  "server/services/spreadsheet/import.ts": "fills drafts and returned reports only (isReportEditable): neither is counted",
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** The top-level functions of a file, by name (a function runs up to the next top-level declaration). */
function functionsOf(source: string): { name: string; body: string }[] {
  const starts = [...source.matchAll(/^(?:export )?(?:async )?function (\w+)/gm)];
  return starts.map((m, i) => ({ name: m[1]!, body: source.slice(m.index, starts[i + 1]?.index ?? source.length) }));
}

const sources = files("server").map((f) => ({ file: f, source: readFileSync(f, "utf8") }));
const factWriters = sources.flatMap(({ file, source }) =>
  functionsOf(source)
    .filter((fn) => factWrites.some((w) => w.test(fn.body)))
    .map((fn) => ({ key: `${file} ${fn.name}`, body: fn.body })),
);

describe("writers of the quadrant rollup's facts", () => {
  it("are found (the scan still sees the known ones)", () => {
    expect(factWriters.map((w) => w.key)).toEqual(
      expect.arrayContaining([
        "server/services/rollup/refresh.ts refreshRollupsForReport",
        "server/services/rollup/refresh.ts refreshRollupsAfterMove",
        "server/services/rollup/rebuild.ts rebuildRollups",
      ]),
    );
  });

  it.each(factWriters.map((w) => [w.key, w.body] as const))("%s refreshes the quadrant rollup or is exempt", (key, body) => {
    expect(quadrantRefreshers.test(body) || key in exemptFunctions, `${key} writes facts without refreshing the quadrant rollup`).toBe(
      true,
    );
  });

  const reportWriters = sources.filter(({ source }) => reportWrites.some((w) => w.test(source)));
  it("every service writing reports refreshes the facts or is exempt", () => {
    expect(reportWriters.map((w) => w.file)).toEqual(expect.arrayContaining(["server/services/report/transition.ts"]));
    for (const { file, source } of reportWriters) {
      expect(reportRefreshers.test(source) || file in exemptReportWriters, `${file} writes reports without refreshing the facts`).toBe(
        true,
      );
    }
  });
});
