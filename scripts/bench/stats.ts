/** Latency summary of one measured operation, in milliseconds. */
export type Stats = { n: number; p50: number; p95: number; mean: number; max: number };

/** Nearest-rank percentile of ascending `sorted` (p in 0–100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarise(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean, max: sorted.at(-1) ?? Number.NaN };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times one after another, timing each call. */
export async function timeRuns(fn: () => Promise<unknown>, opts: { warmup: number; runs: number }): Promise<Stats> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

export const fmt = (ms: number) => (Number.isNaN(ms) ? "–" : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
