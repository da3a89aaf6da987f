import { describe, expect, it } from "vitest";
import { medianMetrics, type RunMetrics } from "~/scripts/lighthouse/audit";
import { browserVerdicts, firstLoadVerdicts, type PageResult } from "~/scripts/lighthouse/checks";

const run = (tbt: number, lcp = 900, cls = 0): RunMetrics => ({ tbt, lcp, cls, bootup: tbt, domElements: 300, scriptBytes: 200_000 });
const page = (name: string, median: RunMetrics): PageResult => ({ name, path: `/${name}`, median, runs: [median] });

describe("npm run lighthouse: medians and checks", () => {
  it("takes the median of each metric on its own", () => {
    const m = medianMetrics([run(900, 1200, 0.01), run(300, 2500, 0), run(600, 800, 0.3)]);
    expect(m).toMatchObject({ tbt: 600, lcp: 1200, cls: 0.01 });
  });

  it("holds a dashboard's blocking time against the sign-in page's of the same run", () => {
    const login = page("login", run(400));
    const [ratio, tbt, lcp, cls] = browserVerdicts(login, [page("dashboard", run(700, 2100, 0.03))]);
    expect(ratio).toMatchObject({ check: "TBT ÷ login TBT", measured: "1.75×", ok: false });
    expect(tbt!.ok).toBe(true);
    expect(lcp!.ok).toBe(false);
    expect(cls!.ok).toBe(false);
    expect(browserVerdicts(login, [page("quadrant", run(600))]).every((v) => v.ok)).toBe(true);
  });

  it("refuses a dashboard over 1,000 ms even when the sign-in page is slow too", () => {
    const [ratio, tbt] = browserVerdicts(page("login", run(900)), [page("dashboard", run(1200))]);
    expect(ratio!.ok).toBe(true);
    expect(tbt!.ok).toBe(false);
  });

  it("holds every route's first-load JS to 170 kB", () => {
    const v = firstLoadVerdicts([
      { route: "/login", firstLoadKb: 169.9 },
      { route: "/dashboard", firstLoadKb: 213.2 },
    ]);
    expect(v.map((x) => x.ok)).toEqual([true, false]);
  });
});
