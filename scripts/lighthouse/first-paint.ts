// What the first paint of a dashboard costs the browser, without Lighthouse (issue 16):
//
//   npx tsx scripts/lighthouse/first-paint.ts [--runs 3 --cpu 4 --port N --pages dashboard,meetings]
//
// Starts the built app (NEXT_DIST_DIR or .next) with the demo data like `npm run lighthouse`,
// signs in as the demo leader and opens each page in Playwright's Chromium with the CPU slowed
// down --cpu times (CDP Emulation.setCPUThrottlingRate). Per run, from navigation to load + 3 s:
// the long tasks' blocking time (Σ (duration − 50 ms) of PerformanceObserver 'longtask', TBT's
// definition without its FCP–TTI window) and the layout shift; after it, the DOM elements of the
// page, of each chart card (`[data-chart-frame]`, by `data-testid`, or `[data-testid]` cards
// given below) and their SVG elements — then again once scrolled to the bottom (lazily drawn
// charts in). Prints medians. A busy, shared machine moves the milliseconds: compare builds in
// the same minutes, not against numbers of another day.
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { chromium, type Page } from "@playwright/test";
import { signIn } from "../bench/http";
import { freePort, startApp } from "./app-server";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    cpu: { type: "string", default: "4" },
    port: { type: "string" },
    pages: { type: "string", default: "login,dashboard,meetings" },
  },
});
const paths: Record<string, string> = {
  login: "/login",
  dashboard: "/dashboard",
  meetings: "/dashboard/meetings",
  quadrant: "/dashboard/quadrant",
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");

type Census = { total: number; svg: number; cards: Record<string, { elements: number; svg: number }> };
type Run = { blocking: number; longTasks: number; cls: number; atLoad: Census; scrolled: Census };

// Runs in the page before its scripts: the long tasks and layout shifts from navigation on.
const observe = () => {
  const w = window as unknown as { __fp: { blocking: number; longTasks: number; cls: number } };
  w.__fp = { blocking: 0, longTasks: 0, cls: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      w.__fp.longTasks++;
      w.__fp.blocking += Math.max(0, e.duration - 50);
    }
  }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!e.hadRecentInput) w.__fp.cls += e.value;
  }).observe({ type: "layout-shift", buffered: true });
};

const census = (page: Page): Promise<Census> =>
  page.evaluate(() => {
    const cards: Record<string, { elements: number; svg: number }> = {};
    for (const card of document.querySelectorAll("[data-chart-frame], [data-testid='meeting-flags']")) {
      const name = card.getAttribute("data-testid") ?? `card-${Object.keys(cards).length}`;
      cards[name] = { elements: card.querySelectorAll("*").length + 1, svg: card.querySelectorAll("svg, svg *").length };
    }
    return { total: document.querySelectorAll("*").length, svg: document.querySelectorAll("svg, svg *").length, cards };
  });

async function runOnce(page: Page, url: string, cpu: number): Promise<Run> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(3000);
  const m = await page.evaluate(() => (window as unknown as { __fp: { blocking: number; longTasks: number; cls: number } }).__fp);
  const atLoad = await census(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(1500);
  const scrolled = await census(page);
  await cdp.detach();
  return { ...m, atLoad, scrolled };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const port = args.port ? Number(args.port) : freePort();
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  console.log(`starting the app on port ${port} (seeding the demo data) …`);
  const app = await startApp({ port, distDir, logFile: `/tmp/djzl-first-paint-${port}.log` });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const cookie = await signIn(app.base, "leader", "demo1234");
    const startLoad = load();
    for (const name of args.pages.split(",")) {
      const url = app.base + paths[name]!;
      const runs: Run[] = [];
      for (let i = 0; i < Number(args.runs) + 1; i++) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
        if (name !== "login")
          await context.addCookies(
            cookie.split("; ").map((c) => {
              const eq = c.indexOf("=");
              return { name: c.slice(0, eq), value: c.slice(eq + 1), url: app.base };
            }),
          );
        await context.addInitScript(observe);
        const page = await context.newPage();
        const run = await runOnce(page, url, Number(args.cpu));
        await context.close();
        // The first run warms the server's route and the browser's code cache: not counted.
        if (i > 0) runs.push(run);
      }
      const last = runs[runs.length - 1]!;
      console.log(
        `\n${paths[name]}: blocking ${runs.map((r) => Math.round(r.blocking)).join("/")} ms → median ${Math.round(median(runs.map((r) => r.blocking)))} ms; ` +
          `long tasks ${median(runs.map((r) => r.longTasks))}; CLS ${median(runs.map((r) => r.cls)).toFixed(3)}`,
      );
      console.log(
        `  DOM elements at load + 3 s: ${last.atLoad.total} (SVG ${last.atLoad.svg}); scrolled to the bottom: ${last.scrolled.total} (SVG ${last.scrolled.svg})`,
      );
      for (const [card, c] of Object.entries(last.atLoad.cards)) {
        const s = last.scrolled.cards[card];
        console.log(`  ${card}: ${c.elements} (SVG ${c.svg}) → scrolled ${s?.elements ?? "—"} (SVG ${s?.svg ?? "—"})`);
      }
    }
    console.log(
      `\nCPU ×${args.cpu}, median of ${args.runs} after one warm-up run; load average ${startLoad} at the start, ${load()} at the end`,
    );
  } finally {
    await browser.close();
    await app.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
