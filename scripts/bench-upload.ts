/**
 * `npm run bench:upload`: does heavy work stall other users? (issue #13). Starts the built app
 * (`next start`, fresh seeded PGlite), then, while the leader calls `me.get` every 50 ms, the admin
 * uploads a 200,000-row .xlsx and the staff member a zip bomb (4,000,000 empty rows) to
 * `spreadsheet.preview`. Prints the leader's p50/p95/max latency before and during the uploads,
 * what each upload answered and how long it took, and the server's peak RSS (process tree).
 * With `--import`, also times a 10,000-row import run as a background job (`importJob.start`).
 *
 *   npm run build && npm run bench:upload -- [--app .] [--dist .next] [--port 3206] [--import]
 *
 * `--app` runs another checkout's build (e.g. the commit before the change, for the "before" figures).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { signIn } from "./bench/http";
import { bigSheet, zipBomb } from "./bench/heavy-files";
import { percentile } from "./bench/stats";

const { values: args } = parseArgs({
  options: {
    app: { type: "string", default: "." },
    dist: { type: "string", default: ".next" },
    port: { type: "string", default: "3206" },
    rows: { type: "string", default: "200000" },
    import: { type: "boolean", default: false },
  },
});
const app = path.resolve(args.app!);
const base = `http://localhost:${args.port}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident memory of `pid` and its descendants, in MB (worker threads are part of their process). */
function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {}
  }
  let kb = 0;
  const walk = (p: number) => {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {}
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return kb / 1024;
}

async function trpc(cookie: string, proc: string, input: unknown, method: "GET" | "POST") {
  const started = performance.now();
  const url = `${base}/api/trpc/${proc}${method === "GET" ? `?input=${encodeURIComponent(JSON.stringify({ json: input }))}` : ""}`;
  const res = await fetch(url, {
    method,
    headers: { cookie, "content-type": "application/json" },
    body: method === "POST" ? JSON.stringify({ json: input }) : undefined,
  });
  const body = (await res.json().catch(() => null)) as { result?: { data?: { json?: unknown } }; error?: { json?: { message?: string } } } | null;
  return { ms: performance.now() - started, status: res.status, data: body?.result?.data?.json, message: body?.error?.json?.message, retryAfter: res.headers.get("retry-after") };
}

async function main() {
  console.log(`app: ${app} (dist ${args.dist}), port ${args.port}`);
  const dataDir = path.join(app, ".data", `bench-${args.port}`);
  rmSync(dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dataDir, AUTH_SECRET: randomBytes(32).toString("hex"), AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", DJZL_DEMO: "1", NEXT_DIST_DIR: args.dist, NODE_ENV: "production" as const };
  delete env.DATABASE_URL;
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "db/seed/cli.ts"], { cwd: app, env, stdio: "ignore" });
  const server: ChildProcess = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", args.port!], { cwd: app, env, stdio: "ignore" });
  try {
    for (let i = 0; ; i++) {
      if ((await fetch(`${base}/api/auth/csrf`).catch(() => null))?.ok) break;
      if (i > 240) throw new Error("server did not start");
      await sleep(500);
    }
    const [admin, staff, leader] = [await signIn(base, "admin", "demo1234"), await signIn(base, "staff", "demo1234"), await signIn(base, "leader", "demo1234")];
    const tree = (await trpc(admin, "unit.tree", {}, "GET")).data as { id: number }[];
    const unitIds = tree.map((u) => u.id);
    const rows = Number(args.rows);
    const big = await bigSheet(rows, unitIds);
    const bomb = await zipBomb();
    console.log(`files: ${rows.toLocaleString("en")} rows .xlsx = ${(big.length / 1024 / 1024).toFixed(1)} MB; zip bomb = ${(bomb.length / 1024).toFixed(0)} KB`);
    await trpc(leader, "me.get", undefined, "GET"); // warm

    // The leader's simple call, every 50 ms, for the whole run.
    const samples: { t: number; ms: number }[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const t = performance.now();
        const r = await trpc(leader, "me.get", undefined, "GET");
        samples.push({ t, ms: r.ms });
        await sleep(50);
      }
    })();
    let peakRss = treeRssMb(server.pid!);
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, treeRssMb(server.pid!))), 100);
    const idleRss = peakRss;

    await sleep(3000);
    const t0 = performance.now();
    const upload = (cookie: string, fileName: string, bytes: Buffer) =>
      trpc(cookie, "spreadsheet.preview", { fileName, contentBase64: bytes.toString("base64") }, "POST");
    const [bigRes, bombRes] = await Promise.all([upload(admin, "whole-tree.xlsx", big), upload(staff, "bomb.xlsx", bomb)]);
    const t1 = performance.now();
    await sleep(2000);
    polling = false;
    await poller;
    const uploadPeak = peakRss;

    let importLine = "";
    if (args.import) {
      const file = await bigSheet(10_000, unitIds.slice(0, 2_000), "2026Q4");
      const started = performance.now();
      const job = await trpc(admin, "importJob.start", { fileName: "10k.xlsx", contentBase64: file.toString("base64") }, "POST");
      const id = (job.data as { id: number } | undefined)?.id;
      let last: { status?: string; rowsChecked?: number; rowsWritten?: number; error?: string | null } = {};
      while (id !== undefined) {
        last = (await trpc(admin, "importJob.get", { id }, "GET")).data as typeof last;
        if (last.status === "succeeded" || last.status === "failed") break;
        await sleep(200);
      }
      importLine = `10,000-row import as a job: ${last.status ?? job.message} in ${((performance.now() - started) / 1000).toFixed(1)} s (checked ${last.rowsChecked}, written ${last.rowsWritten})${last.error ? ` — ${last.error}` : ""}`;
    }
    clearInterval(rssTimer);

    const stats = (list: number[]) => {
      const s = [...list].sort((a, b) => a - b);
      return `n=${s.length} p50=${percentile(s, 50).toFixed(0)} ms p95=${percentile(s, 95).toFixed(0)} ms max=${(s.at(-1) ?? NaN).toFixed(0)} ms`;
    };
    const before = samples.filter((s) => s.t < t0).map((s) => s.ms);
    const during = samples.filter((s) => s.t >= t0 && s.t <= t1).map((s) => s.ms);
    const say = (r: Awaited<ReturnType<typeof upload>>) =>
      `HTTP ${r.status} in ${(r.ms / 1000).toFixed(1)} s${r.message ? ` — ${r.message.slice(0, 100)}` : r.data ? ` — ${(r.data as { errorCount?: number }).errorCount ?? 0} errors listed/counted` : ""}`;
    console.log("");
    console.log(`leader me.get, idle:              ${stats(before)}`);
    console.log(`leader me.get, during the uploads: ${stats(during)}`);
    console.log(`200,000-row upload (admin):        ${say(bigRes)}`);
    console.log(`zip bomb (staff):                  ${say(bombRes)}`);
    console.log(`uploads window: ${((t1 - t0) / 1000).toFixed(1)} s`);
    console.log(`server RSS: idle ${idleRss.toFixed(0)} MB, peak during the uploads ${uploadPeak.toFixed(0)} MB`);
    if (importLine) console.log(importLine);
  } finally {
    server.kill("SIGTERM");
    await sleep(1000);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
