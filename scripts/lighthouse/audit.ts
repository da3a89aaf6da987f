import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** What one Lighthouse run measured on a page (times in ms, bytes in bytes). */
export type RunMetrics = {
  tbt: number;
  lcp: number;
  cls: number;
  /** Script evaluation and parsing, as Lighthouse's "JavaScript execution time" (throttled). */
  bootup: number;
  domElements: number;
  /** Script bytes transferred (compressed, as on the wire). */
  scriptBytes: number;
};

const cli = path.join(process.cwd(), "node_modules", "lighthouse", "cli", "index.js");

/** Debian's Chromium unless CHROME_PATH says otherwise: nothing here downloads a browser. */
export const chromePath = process.env.CHROME_PATH || "/usr/bin/chromium";

const chromeFlags = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--lang=zh-CN",
].join(" ");

/**
 * One Lighthouse 12 run with the desktop preset and the CPU slowed down 4× (an office PC), in
 * a fresh Chromium of its own (the CLI launches and closes it). `cookie` signs the page in;
 * `keepAs`, when given, is where the run's full JSON report is copied (for the audits behind
 * the numbers: long tasks, boot-up time, main-thread work).
 */
export async function lighthouseRun(url: string, cookie: string | null, cpuSlowdown: number, keepAs?: string): Promise<RunMetrics> {
  // Chromium's trace sometimes lacks the navigation start (NO_NAVSTART, "Please run Lighthouse
  // again"): a failed recording, not a measurement — that run is repeated, twice at most.
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouseOnce(url, cookie, cpuSlowdown, keepAs);
    } catch (err) {
      if (attempt >= 3 || !String(err).includes("NO_NAVSTART")) throw err;
      console.log(`  (${url}: Lighthouse's trace had no navigation start — recorded again)`);
    }
  }
}

async function lighthouseOnce(url: string, cookie: string | null, cpuSlowdown: number, keepAs?: string): Promise<RunMetrics> {
  const dir = mkdtempSync(path.join(tmpdir(), "djzl-lh-"));
  const out = path.join(dir, "report.json");
  const args = [
    cli,
    url,
    "--preset=desktop",
    `--throttling.cpuSlowdownMultiplier=${cpuSlowdown}`,
    "--only-categories=performance",
    "--output=json",
    `--output-path=${out}`,
    `--chrome-flags=${chromeFlags}`,
    "--quiet",
  ];
  if (cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookie })}`);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        env: { ...process.env, CHROME_PATH: chromePath },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("error", reject);
      child.on("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`lighthouse ${url} exited with ${code}: ${stderr.slice(-2000)}`)),
      );
    });
    if (keepAs) {
      mkdirSync(path.dirname(keepAs), { recursive: true });
      copyFileSync(out, keepAs);
    }
    return readMetrics(JSON.parse(readFileSync(out, "utf8")) as Lhr, url);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Lhr = {
  finalDisplayedUrl: string;
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
  audits: Record<string, { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number }[] } }>;
};

function readMetrics(lhr: Lhr, url: string): RunMetrics {
  if (lhr.runtimeError) throw new Error(`lighthouse ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  // A page that sent the browser to the sign-in form measured the wrong page.
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
    throw new Error(`lighthouse ${url} ended on ${lhr.finalDisplayedUrl} (not signed in?)`);
  }
  const value = (id: string) => {
    const v = lhr.audits[id]?.numericValue;
    if (v === undefined) throw new Error(`lighthouse ${url}: no value for ${id}`);
    return v;
  };
  const scripts = lhr.audits["resource-summary"]?.details?.items?.find((i) => i.resourceType === "script");
  return {
    tbt: value("total-blocking-time"),
    lcp: value("largest-contentful-paint"),
    cls: value("cumulative-layout-shift"),
    bootup: value("bootup-time"),
    domElements: value("dom-size"),
    scriptBytes: scripts?.transferSize ?? 0,
  };
}

/** The median of each metric over the runs (each metric on its own). */
export function medianMetrics(runs: RunMetrics[]): RunMetrics {
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  };
  const keys = Object.keys(runs[0]!) as (keyof RunMetrics)[];
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))])) as RunMetrics;
}
