// Lighthouse on the dashboards as an office PC sees them (issue 16, "In the browser"):
//
//   npm run lighthouse [-- --runs 3 --cpu 4 --port N --build --pages dashboard,login --keep DIR]
//
// Starts the built app (NEXT_DIST_DIR or .next; `--build` builds it first, a missing build is
// built) on a free port with the demo data, signs in as the demo leader over HTTP, and runs
// Lighthouse 12 (desktop preset, CPU slowed down --cpu times, Debian's Chromium) --runs rounds
// of every page in turn; /login runs in the same rounds, signed out, as the yardstick. Prints the
// medians, each dashboard's TBT against login's, the first-load JS of every route from the
// build's manifests, and exits 1 when a check is missed. `--keep DIR` keeps every run's full
// Lighthouse JSON report there (DIR/<page>-<run>.json) to read the audits behind the numbers.
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildApp, signIn } from "../bench/http";
import { routeSizes } from "../route-sizes.mjs";
import { startApp, freePort } from "./app-server";
import { lighthouseRun, medianMetrics, type RunMetrics } from "./audit";
import { browserVerdicts, firstLoadVerdicts, limits, type PageResult, type Verdict } from "./checks";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    cpu: { type: "string", default: "4" },
    port: { type: "string" },
    build: { type: "boolean", default: false },
    pages: { type: "string" },
    keep: { type: "string" },
  },
});
const runs = Number(args.runs);
const cpu = Number(args.cpu);
const distDir = process.env.NEXT_DIST_DIR || ".next";
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");

type Page = { name: string; path: string | ((unitId: number) => string); signedIn: boolean };
const pages: Page[] = [
  { name: "login", path: "/login", signedIn: false },
  { name: "dashboard", path: "/dashboard", signedIn: true },
  { name: "quadrant", path: "/dashboard/quadrant", signedIn: true },
  { name: "meetings", path: "/dashboard/meetings", signedIn: true },
  { name: "unit", path: (id) => `/units/${id}`, signedIn: true },
];
const wanted = args.pages ? new Set(["login", ...args.pages.split(",")]) : null;

async function main() {
  if (args.build || !existsSync(path.join(distDir, "BUILD_ID"))) {
    console.log(`building into ${distDir} …`);
    await buildApp(distDir, `/tmp/djzl-lighthouse-build.log`);
  }
  const port = args.port ? Number(args.port) : freePort();
  console.log(`starting the app on port ${port} (seeding the demo data) …`);
  const app = await startApp({ port, distDir, logFile: `/tmp/djzl-lighthouse-server-${port}.log` });
  try {
    const cookie = await signIn(app.base, "leader", "demo1234");
    const unitId = await demoUnit(app.base, cookie);
    // One request each first, so no run pays for the server's first compile of a route.
    for (const p of pages) await fetch(app.base + pathOf(p, unitId), { headers: p.signedIn ? { cookie } : {} });

    const loadStart = load();
    const measured = pages.filter((p) => !wanted || wanted.has(p.name));
    const pageRuns = new Map<Page, RunMetrics[]>(measured.map((p) => [p, []]));
    // Round by round, every page once per round: a machine that gets busier (or quieter) meanwhile
    // weighs on login and the dashboards alike, so their ratio is measured in the same minutes.
    for (let i = 0; i < runs; i++) {
      for (const p of measured) {
        const keepAs = args.keep ? path.join(args.keep, `${p.name}-${i + 1}.json`) : undefined;
        pageRuns.get(p)!.push(await lighthouseRun(app.base + pathOf(p, unitId), p.signedIn ? cookie : null, cpu, keepAs));
      }
      console.log(`  round ${i + 1}: ${measured.map((p) => `${p.name} ${Math.round(pageRuns.get(p)![i]!.tbt)}`).join(", ")} ms TBT`);
    }
    const results: PageResult[] = measured.map((p) => {
      const all = pageRuns.get(p)!;
      const median = medianMetrics(all);
      console.log(`  ${p.name}: TBT ${all.map((r) => Math.round(r.tbt)).join(", ")} ms → median ${Math.round(median.tbt)} ms`);
      return { name: p.name, path: pathOf(p, unitId), median, runs: all };
    });
    report(results, loadStart);
  } finally {
    await app.stop();
  }
}

const pathOf = (p: Page, unitId: number) => (typeof p.path === "string" ? p.path : p.path(unitId));

/** The first unit below the leader's own (a 机关党委 of the demo tree, with units under it). */
async function demoUnit(base: string, cookie: string): Promise<number> {
  const input = encodeURIComponent(JSON.stringify({ json: { depth: 1 } }));
  const res = await fetch(`${base}/api/trpc/unit.tree?input=${input}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`unit.tree: ${res.status}`);
  const tree = ((await res.json()) as { result: { data: { json: { id: number; parentId: number | null }[] } } }).result.data.json;
  const unit = tree.find((u) => u.parentId === tree[0]?.id) ?? tree[0];
  if (!unit) throw new Error("the demo leader reads no unit");
  return unit.id;
}

function report(results: PageResult[], loadStart: string) {
  const login = results.find((r) => r.name === "login")!;
  const dashboards = results.filter((r) => r !== login);
  console.log(
    `\nLighthouse 12, desktop preset, CPU ×${cpu}, median of ${runs} (each metric on its own); load average (1/5/15 min) ${loadStart} at the start, ${load()} at the end\n`,
  );
  console.log("| page | TBT ms | TBT ÷ login | LCP ms | CLS | JS boot-up ms | script kB transferred | DOM elements |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of results) {
    const m = r.median;
    const ratio = r === login ? "1.00" : (m.tbt / Math.max(login.median.tbt, 1)).toFixed(2);
    console.log(
      `| ${r.path} | ${Math.round(m.tbt)} | ${ratio} | ${Math.round(m.lcp)} | ${m.cls.toFixed(3)} | ${Math.round(m.bootup)} | ${(m.scriptBytes / 1000).toFixed(1)} | ${Math.round(m.domElements)} |`,
    );
  }
  const sizes = routeSizes(distDir);
  console.log(`\nFirst-load JS per route (gzip -9, build in ${distDir}), limit ${limits.firstLoadKb} kB on every route\n`);
  console.log("| route | first load (kB gz) | after hydration: next/dynamic (kB gz) |");
  console.log("|---|---:|---:|");
  for (const s of sizes) console.log(`| ${s.route} | ${s.firstLoadKb.toFixed(1)} | ${s.dynamicKb.toFixed(1)} |`);

  const verdicts: Verdict[] = [...browserVerdicts(login, dashboards), ...firstLoadVerdicts(sizes)];
  const missed = verdicts.filter((v) => !v.ok);
  console.log(`\n${verdicts.length - missed.length} of ${verdicts.length} checks met`);
  for (const v of missed) console.log(`  MISSED ${v.page} ${v.check}: ${v.measured} (limit ${v.limit})`);
  process.exitCode = missed.length ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
