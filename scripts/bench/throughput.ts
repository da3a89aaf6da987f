import { randomBytes } from "node:crypto";
import path from "node:path";
import { loadTest, signIn, type LoadResult } from "./http";
import { startProcess } from "./process";

/**
 * The per-request part of `npm run bench` (issue 16): a bare Node `http` server answering a small
 * JSON body, and the built app's `dashboard.overview` signed in as the demo leader, each under
 * autocannon for the same time with the same connections, in the same run — so the ratio
 * app ÷ bare holds on a noisy machine too.
 *
 * The app runs as `npm start` runs it: scripts/server.mjs, with APP_WORKERS processes under
 * node:cluster. `appDir` may be another checkout of the app (with its own build in `.next` or
 * `distDir`) to measure a “before” in the same run.
 */

const answers = async (url: string) => {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5000) })).ok;
  } catch {
    return false;
  }
};

/** The bare server: Node's `http`, one process, a small JSON body (what a trivial API answers). */
const bareServerSource = `
const http = require("node:http");
const body = JSON.stringify({ result: { data: { json: { ok: true, unitId: 1, composite: 81.5 } } } });
http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}).listen(Number(process.argv[1]), "127.0.0.1");
`;

export type ThroughputRow = { label: string; processes: number } & LoadResult;

export type ThroughputOptions = {
  databaseUrl: string;
  /** Overview input: the leader's unit and a range of the demo data. */
  input: { unitId: number; from: string; to: string };
  username: string;
  password: string;
  connections: number;
  seconds: number;
  bareport: number;
  appPort: number;
  /** App variants to measure, in order: a checkout and its build, processes. */
  apps: { label: string; dir: string; distDir: string; workers: number; env?: Record<string, string> }[];
  log: (line: string) => void;
};

export async function benchThroughput(opts: ThroughputOptions): Promise<ThroughputRow[]> {
  const rows: ThroughputRow[] = [];
  const warm = { connections: 10, seconds: 3 };
  const measure = { connections: opts.connections, seconds: opts.seconds };

  opts.log(`bare http server on ${opts.bareport} …`);
  const bareUrl = `http://127.0.0.1:${opts.bareport}/`;
  const bare = await startProcess({
    args: ["-e", bareServerSource, String(opts.bareport)],
    cwd: process.cwd(),
    env: process.env,
    logFile: "/tmp/bench-bare.log",
    ready: () => answers(bareUrl),
    name: "bare server",
  });
  try {
    await loadTest(bareUrl, "", warm);
    rows.push({ label: "bare Node http (small JSON)", processes: 1, ...(await loadTest(bareUrl, "", measure)) });
  } finally {
    await bare.stop();
  }

  const input = encodeURIComponent(JSON.stringify({ json: opts.input }));
  for (const app of opts.apps) {
    opts.log(`${app.label}: scripts/server.mjs in ${app.dir}, ${app.workers} process(es), on ${opts.appPort} …`);
    const base = `http://127.0.0.1:${opts.appPort}`;
    if (await answers(`${base}/api/health`)) throw new Error(`port ${opts.appPort} is already in use`);
    const server = await startProcess({
      args: [path.join(app.dir, "scripts", "server.mjs"), String(opts.appPort)],
      cwd: app.dir,
      env: {
        ...process.env,
        DATABASE_URL: opts.databaseUrl,
        AUTH_SECRET: randomBytes(32).toString("hex"),
        AUTH_TRUST_HOST: "true",
        NEXT_DIST_DIR: app.distDir,
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        HOSTNAME: "127.0.0.1",
        APP_WORKERS: String(app.workers),
        ...app.env,
        // The demo accounts and their published password: demo mode, as the e2e server runs.
        DJZL_DEMO: "1",
      },
      logFile: path.join("/tmp", `bench-throughput-${opts.appPort}.log`),
      ready: () => answers(`${base}/api/auth/csrf`),
      name: app.label,
    });
    try {
      const cookie = await signIn(base, opts.username, opts.password);
      const target = `${base}/api/trpc/dashboard.overview?input=${input}`;
      const probe = await fetch(target, { headers: { cookie } });
      const body = (await probe.json()) as { result?: { data?: { json?: { trend?: { composite: number | null }[] } } } };
      if (!probe.ok || !body.result?.data?.json?.trend?.some((t) => t.composite !== null)) {
        throw new Error(`dashboard.overview answered ${probe.status} without a trend: ${JSON.stringify(body).slice(0, 300)}`);
      }
      await loadTest(target, cookie, warm);
      const result = await loadTest(target, cookie, measure);
      rows.push({ label: app.label, processes: app.workers, ...result });
    } finally {
      await server.stop();
    }
  }
  return rows;
}

const n0 = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

/** The Markdown table: req/s, latencies, and each row's share of the bare server's req/s. */
export function renderThroughput(rows: ThroughputRow[], opts: { connections: number; seconds: number; load: string }): string {
  const bare = rows[0]!.reqPerSec;
  const lines = [
    `Per request (${opts.connections} connections, ${opts.seconds} s each after a 3 s warm-up; load average ${opts.load}):`,
    "",
    "| server | processes | req/s | p50 ms | p95 ms | p99 ms | non-2xx | errors | app ÷ bare |",
    "| ------ | --------: | ----: | -----: | -----: | -----: | ------: | -----: | ---------: |",
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.processes} | ${n0(r.reqPerSec)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.non2xx} | ${r.errors + r.timeouts} | ${((100 * r.reqPerSec) / bare).toFixed(2)} % |`,
    ),
  ];
  return lines.join("\n");
}
