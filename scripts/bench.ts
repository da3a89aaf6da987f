/**
 * `npm run bench`: the speed-at-scale benchmark (issue #5) against the scale-seeded PostgreSQL
 * of DATABASE_URL (`npm run seed:scale`). Prints a Markdown report: dashboard services through
 * the rollups vs live, the cost of an approval's rollup refresh, HTTP throughput of
 * dashboard.overview under autocannon, and the dashboards' first-load JS. See docs/performance.md.
 *
 *   npm run bench -- [--runs 200] [--naive-runs 10] [--approvals 20] [--connections 50]
 *                    [--duration 20] [--no-build] [--no-http] [--dist .next-bench] [--port 3206] [--out file.md]
 *                    [--queries overview,meeting]   (only the dashboard queries whose names start so)
 *                    [--no-refresh]   (leave out the approvals: they change the data)
 *
 * `--throughput` instead measures the per-request floor (issue 16) on any seeded PostgreSQL (the
 * demo data will do): a bare Node `http` server and `dashboard.overview` of the built app
 * (`--dist`, default .next-bench; `--no-build` to use it as it is) signed in as the leader, each
 * `--seconds` (10) with `--connections` (50), the app with each process count of `--workers`
 * (default "1,auto": one process, and one per core under node:cluster), and optionally a
 * `--before DIR` checkout with its own build in DIR/.next, and the same build with the API lane
 * off (`DJZL_API_LANE=0`: Next's route handler) and with the snapshot memo off
 * (`DJZL_SNAPSHOT_MEMO=0`: every answer computed afresh) for comparison; prints req/s, p95 and app ÷ bare.
 */
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDb, queryRows } from "~/db/client";
import { DEMO_PASSWORD } from "~/scripts/seed";
import { loadActor } from "~/server/auth/load-actor";
import { quarterRange } from "~/lib/quarter";
import { buildApp, loadTest, signIn, startServer, type Server } from "./bench/http";
import { describeMachine, loadAverage } from "./bench/machine";
import { benchRefresh } from "./bench/refresh";
import { renderReport, type BenchReport } from "./bench/report";
import { benchServices, type Subject } from "./bench/services";
import { benchThroughput, renderThroughput, type ThroughputOptions } from "./bench/throughput";
import { availableParallelism } from "node:os";
import { dashboardRoutes, FIRST_LOAD_LIMIT_KB, routeSizes } from "./route-sizes.mjs";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "200" },
    warmup: { type: "string", default: "20" },
    "naive-runs": { type: "string", default: "10" },
    approvals: { type: "string", default: "20" },
    connections: { type: "string", default: "50" },
    duration: { type: "string", default: "20" },
    "no-build": { type: "boolean", default: false },
    "no-http": { type: "boolean", default: false },
    dist: { type: "string", default: ".next-bench" },
    port: { type: "string", default: "3206" },
    out: { type: "string" },
    throughput: { type: "boolean", default: false },
    seconds: { type: "string", default: "10" },
    workers: { type: "string", default: "1,auto" },
    before: { type: "string" },
    queries: { type: "string" },
    "no-refresh": { type: "boolean", default: false },
  },
});
const int = (name: keyof typeof args) => {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} 须为正整数（must be a positive integer）`);
    process.exit(2);
  }
  return n;
};
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("bench 需要 seed:scale 生成的 PostgreSQL：请设置 DATABASE_URL（bench needs DATABASE_URL of a scale-seeded PostgreSQL）");
  process.exit(2);
}
const log = (line: string) => console.error(line); // progress on stderr, the report on stdout

const handle = await openDb({ url });
let server: Server | null = null;
const stopServer = async () => {
  await server?.stop();
  server = null;
};
process.once("SIGINT", () => void stopServer().finally(() => process.exit(130)));
if (args.throughput) {
  try {
    await throughput();
  } catch (err) {
    console.error("bench failed:", err instanceof Error ? err.message : err);
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
  process.exit();
}

/** `--throughput`: the per-request floor, see the top of this file. */
async function throughput() {
  const { db } = handle;
  const [leader] = await queryRows<{ id: number }>(db, sql`select id from users where username = 'leader'`);
  const actor = leader ? await loadActor(db, leader.id) : null;
  if (!actor) throw new Error("demo account leader missing: seed the database (npm run db:seed)");
  const [range] = await queryRows<{ from: string; to: string }>(
    db,
    sql`select min(quarter) as "from", max(quarter) as "to" from subtree_scores where root_unit_id = ${actor.unitId} and approved_count > 0`,
  );
  if (!range?.from) throw new Error("no approved scores under the leader's unit");
  const dist = args.dist;
  const port = int("port");
  if (!args["no-build"]) {
    log(`next build into ${dist} …`);
    const ms = await buildApp(dist, path.join("/tmp", `bench-build-${port}.log`));
    log(`  built in ${(ms / 1000).toFixed(0)} s`);
  }
  const processCounts = args.workers.split(",").map((w) => (w.trim() === "auto" ? availableParallelism() : Number(w)));
  const apps: ThroughputOptions["apps"] = [
    ...(args.before
      ? [{ label: `app before (${path.basename(args.before)})`, dir: path.resolve(args.before), distDir: ".next", workers: 1 }]
      : []),
    // The same build with /api/trpc through Next's route handler instead of the API lane (server/api/lane.ts).
    { label: "app, Next route handler (DJZL_API_LANE=0)", dir: process.cwd(), distDir: dist, workers: 1, env: { DJZL_API_LANE: "0" } },
    // The same build computing every answer afresh (server/lib/snapshot-memo.ts off).
    {
      label: "app, no snapshot memo (DJZL_SNAPSHOT_MEMO=0)",
      dir: process.cwd(),
      distDir: dist,
      workers: 1,
      env: { DJZL_SNAPSHOT_MEMO: "0" },
    },
    ...processCounts.map((workers) => ({ label: "app: dashboard.overview", dir: process.cwd(), distDir: dist, workers })),
  ];
  const connections = int("connections");
  const seconds = int("seconds");
  const loadStart = loadAverage();
  const rows = await benchThroughput({
    databaseUrl: url!,
    input: { unitId: actor.unitId, from: range.from, to: range.to },
    username: "leader",
    password: DEMO_PASSWORD,
    connections,
    seconds,
    bareport: port, // one after the other: the bare server is stopped before the app starts
    appPort: port,
    apps,
    log,
  });
  const report = renderThroughput(rows, { connections, seconds, load: `${loadStart} → ${loadAverage()}` });
  console.log(report);
  if (args.out) writeFileSync(args.out, report);
}

try {
  const { db } = handle;
  const [seeded] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_log where action = 'seed.scale'`);
  if (!seeded?.n) throw new Error("该数据库不是 seed:scale 生成的（run npm run seed:scale on this database first）");
  const loadStart = loadAverage();
  const machine = await describeMachine(db);
  const [data] = await queryRows<Record<string, number | string>>(
    db,
    sql`select (select count(*)::int from units) as units, (select count(*)::int from reports) as reports,
               (select count(*)::int from report_values) as "report values", (select count(*)::int from meetings) as meetings,
               (select count(*)::int from unit_scores) as "unit_scores rows", (select count(*)::int from subtree_scores) as "subtree_scores rows",
               (select min(quarter) from reports) as "from", (select max(quarter) from reports) as "to",
               pg_size_pretty(pg_database_size(current_database())) as "database size"`,
  );
  if (!data) throw new Error("no data");
  const from = String(data.from);
  const to = String(data.to);
  const users = await queryRows<{ id: number; username: string }>(
    db,
    sql`select id, username from users where username in ('leader', 'reviewer')`,
  );
  const leader = await loadActor(db, users.find((u) => u.username === "leader")!.id);
  const reviewer = await loadActor(db, users.find((u) => u.username === "reviewer")!.id);
  if (!leader || !reviewer) throw new Error("demo accounts leader / reviewer missing");

  // The root, and the largest department (a depth-1 unit with many descendants).
  const [mid] = await queryRows<{ id: number; n: number }>(
    db,
    sql`select split_part(path, '/', 3)::int as id, count(*)::int as n from units where depth >= 1 group by 1 order by 2 desc, 1 limit 1`,
  );
  const subjects: Subject[] = [
    { label: `root (unit ${leader.unitId}, ${data.units} units)`, unitId: leader.unitId, units: Number(data.units) },
  ];
  if (mid) subjects.push({ label: `mid-level (unit ${mid.id}, ${mid.n} units)`, unitId: mid.id, units: mid.n });

  // The meeting-quality dashboard over the quarters that have meetings (the scale data set has them for its newest four).
  const [meetingSpan] = await queryRows<{ from: string; to: string }>(
    db,
    sql`select coalesce(min(quarter), ${to}) as "from", coalesce(max(quarter), ${to}) as "to" from meetings`,
  );
  log(`bench: ${data.units} units, ${from}–${to}; dashboard services …`);
  const services = await benchServices({ db, actor: leader }, subjects, {
    from,
    to,
    quarter: to,
    meetings: meetingSpan!,
    only: args.queries?.split(",").map((q) => q.trim()),
    runs: int("runs"),
    warmup: int("warmup"),
    naiveRuns: int("naive-runs"),
    log,
  });
  let refresh = null;
  if (!args["no-refresh"]) {
    log("approvals and rollup refresh …");
    refresh = await benchRefresh({ db, actor: reviewer }, to, int("approvals"));
  }

  const dist = args.dist;
  const port = int("port");
  let http: BenchReport["http"] = null;
  if (!args["no-http"]) {
    if (!args["no-build"]) {
      log(`next build into ${dist} …`);
      const ms = await buildApp(dist, path.join("/tmp", `bench-build-${port}.log`));
      log(`  built in ${(ms / 1000).toFixed(0)} s`);
    } else if (!existsSync(path.join(dist, "BUILD_ID"))) throw new Error(`no build in ${dist}: drop --no-build`);
    log(`next start on ${port} …`);
    server = await startServer({ distDir: dist, port, databaseUrl: url, logFile: path.join("/tmp", `bench-server-${port}.log`) });
    const cookie = await signIn(server.base, "leader", DEMO_PASSWORD);
    const input = encodeURIComponent(JSON.stringify({ json: { unitId: leader.unitId, from, to } }));
    const target = `${server.base}/api/trpc/dashboard.overview?input=${input}`;
    const probe = await fetch(target, { headers: { cookie } });
    const body = (await probe.json()) as { result?: { data?: { json?: { trend?: { composite: number | null }[] } } } };
    const trend = body.result?.data?.json?.trend ?? [];
    if (!probe.ok || trend.length !== quarterRange(from, to).length || !trend.some((t) => t.composite !== null)) {
      throw new Error(`dashboard.overview over HTTP answered ${probe.status} without a trend: ${JSON.stringify(body).slice(0, 300)}`);
    }
    const connections = int("connections");
    const seconds = int("duration");
    log(`autocannon: warm-up 5 s, then ${connections} connections × ${seconds} s …`);
    await loadTest(target, cookie, { connections: 10, seconds: 5 });
    const result = await loadTest(target, cookie, { connections, seconds });
    http = {
      ...result,
      connections,
      seconds,
      url: `/api/trpc/dashboard.overview?input={"json":{"unitId":${leader.unitId},"from":"${from}","to":"${to}"}}`,
    };
    await stopServer();
  }
  const routes = existsSync(path.join(dist, "server", "app"))
    ? { rows: routeSizes(dist), dashboards: dashboardRoutes, limitKb: FIRST_LOAD_LIMIT_KB }
    : null;

  const report = renderReport({
    title: `${Number(data.units).toLocaleString("en-US")} units × ${quarterRange(from, to).length} quarters`,
    machine,
    data,
    load: { start: loadStart, end: loadAverage() },
    services,
    refresh,
    http,
    routes,
    units: Number(data.units),
  });
  console.log(report);
  if (args.out) writeFileSync(args.out, report);
} catch (err) {
  console.error("bench failed:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await stopServer();
  await handle.close();
}
