import type { RunMetrics } from "./audit";

/** Issue 16, "In the browser, on an office PC". */
export const limits = {
  /** A dashboard's total blocking time against the sign-in page's, measured in the same run. */
  tbtRatioToLogin: 1.5,
  tbtMs: 1000,
  lcpMs: 2000,
  cls: 0.02,
  firstLoadKb: 170,
};

export type PageResult = { name: string; path: string; median: RunMetrics; runs: RunMetrics[] };

export type Verdict = { page: string; check: string; measured: string; limit: string; ok: boolean };

const ms = (v: number) => `${Math.round(v).toLocaleString("en-US")} ms`;

/** Every check of every dashboard against the sign-in page measured in the same run. */
export function browserVerdicts(login: PageResult, dashboards: PageResult[]): Verdict[] {
  const out: Verdict[] = [];
  for (const d of dashboards) {
    const m = d.median;
    // A login TBT of 0 would make any blocking at all "infinitely" worse: compare with 1 ms then.
    const ratio = m.tbt / Math.max(login.median.tbt, 1);
    out.push(
      {
        page: d.name,
        check: "TBT ÷ login TBT",
        measured: `${ratio.toFixed(2)}×`,
        limit: `≤ ${limits.tbtRatioToLogin}×`,
        ok: ratio <= limits.tbtRatioToLogin,
      },
      { page: d.name, check: "TBT", measured: ms(m.tbt), limit: `≤ ${ms(limits.tbtMs)}`, ok: m.tbt <= limits.tbtMs },
      { page: d.name, check: "LCP", measured: ms(m.lcp), limit: `≤ ${ms(limits.lcpMs)}`, ok: m.lcp <= limits.lcpMs },
      { page: d.name, check: "CLS", measured: m.cls.toFixed(3), limit: `≤ ${limits.cls}`, ok: m.cls <= limits.cls },
    );
  }
  return out;
}

/** First-load JS of every route of the build against the limit. */
export function firstLoadVerdicts(rows: { route: string; firstLoadKb: number }[]): Verdict[] {
  return rows.map((r) => ({
    page: r.route,
    check: "first-load JS",
    measured: `${r.firstLoadKb.toFixed(1)} kB gz`,
    limit: `≤ ${limits.firstLoadKb} kB`,
    ok: r.firstLoadKb <= limits.firstLoadKb,
  }));
}
