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
import { quarterOf } from "~/lib/quarter";
import { bigSheet, rawSheet, zipBomb } from "./bench/heavy-files";
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
const app = path.resolve(args.app);
const base = `http://localhost:${args.port}`;
const runningQuarter = () => quarterOf(new Date());
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
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { cookie, "content-type": "application/json" },
      body: method === "POST" ? JSON.stringify({ json: input }) : undefined,
      signal: AbortSignal.timeout(300_000),
    });
  } catch (err) {
    return {
      ms: performance.now() - started,
      status: 0,
      data: undefined,
      message: `no answer (${(err as Error).cause ?? (err as Error).message})`,
      retryAfter: null,
    };
  }
  const body = (await res.json().catch(() => null)) as {
    result?: { data?: { json?: unknown } };
    error?: { json?: { message?: string } };
  } | null;
  return {
    ms: performance.now() - started,
    status: res.status,
    data: body?.result?.data?.json,
    message: body?.error?.json?.message,
    retryAfter: res.headers.get("retry-after"),
  };
}

async function main() {
  console.log(`app: ${app} (dist ${args.dist}), port ${args.port}`);
  if ((await fetch(`${base}/api/auth/csrf`).catch(() => null)) !== null) throw new Error(`port ${args.port} is already in use`);
  const dataDir = path.join(app, ".data", `bench-${args.port}`);
  rmSync(dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    DJZL_DEMO: "1",
    NEXT_DIST_DIR: args.dist,
    NODE_ENV: "production" as const,
  };
  delete env.DATABASE_URL;
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/seed/cli.ts"], { cwd: app, env, stdio: "ignore" });
  let exit = "";
  const server: ChildProcess = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", args.port], {
    cwd: app,
    env,
    stdio: "ignore",
  });
  server.on("exit", (code, signal) => (exit = `server exited (code ${code}, signal ${signal})`));
  try {
    for (let i = 0; ; i++) {
      if ((await fetch(`${base}/api/auth/csrf`).catch(() => null))?.ok) break;
      if (i > 240) throw new Error("server did not start");
      await sleep(500);
    }
    const [admin, staff, leader] = [
      await signIn(base, "admin", "demo1234"),
      await signIn(base, "staff", "demo1234"),
      await signIn(base, "leader", "demo1234"),
    ];
    const tree = (await trpc(admin, "unit.tree", {}, "GET")).data as { id: number }[];
    const unitIds = tree.map((u) => u.id);
    const rows = Number(args.rows);
    const big = await bigSheet(rows, unitIds);
    const bomb = await zipBomb();
    console.log(
      `files: ${rows.toLocaleString("en")} rows .xlsx = ${(big.length / 1024 / 1024).toFixed(1)} MB; zip bomb = ${(bomb.length / 1024).toFixed(0)} KB`,
    );
    await trpc(leader, "me.get", undefined, "GET"); // warm

    // The leader's simple call, every 50 ms, for the whole run.
    const samples: { t: number; ms: number; ok: boolean }[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const t = performance.now();
        const r = await trpc(leader, "me.get", undefined, "GET");
        samples.push({ t, ms: r.ms, ok: r.status === 200 });
        if (r.status === 0) await sleep(500);
        await sleep(50);
      }
    })();
    let peakRss = treeRssMb(server.pid!);
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, exit ? 0 : treeRssMb(server.pid!))), 100);
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
    console.log(
      `uploads window: ${((t1 - t0) / 1000).toFixed(1)} s; leader calls without an answer: ${samples.filter((x) => !x.ok).length}`,
    );
    if (exit) console.log(exit);
    console.log(`server RSS: idle ${idleRss.toFixed(0)} MB, peak during the uploads ${uploadPeak.toFixed(0)} MB`);
    let importLine = "";
    if (args.import) {
      // 10,000 valid rows: every indicator of the running quarter for 455 new branches.
      const quarter = runningQuarter();
      const catalogue = (await trpc(admin, "indicator.list", { quarter }, "GET")).data as { code: string; kind: string }[];
      const perUnit = catalogue.length + 1;
      const newUnits: number[] = [];
      for (let i = 0; newUnits.length * perUnit < 10_000; i++) {
        const made = await trpc(
          admin,
          "unit.create",
          {
            parentId: unitIds[0],
            name: `压测党支部${i + 1}`,
            type: "branch",
            memberCount: 12,
            secretaryIsHead: false,
            fullTimeStaff: false,
          },
          "POST",
        );
        newUnits.push((made.data as { id: number }).id);
      }
      const valueOf = (kind: string) => (kind === "boolean" ? 1 : kind === "count" ? 2 : 80);
      const rows10k: (string | number)[][] = [["单位编号", "季度", "指标代码", "填报值"]];
      for (const id of newUnits) {
        for (const i of catalogue) rows10k.push([id, quarter, i.code, valueOf(i.kind)]);
        rows10k.push([id, quarter, "BUSINESS_SCORE", 88]);
      }
      const file = await rawSheet(rows10k.slice(0, 10_001));
      const started = performance.now();
      const job = await trpc(admin, "importJob.start", { fileName: "10k.xlsx", contentBase64: file.toString("base64") }, "POST");
      const id = (job.data as { id: number } | undefined)?.id;
      let last: { status?: string; rowsChecked?: number; rowsWritten?: number; error?: string | null } = {};
      for (let misses = 0; id !== undefined && misses < 20;) {
        const got = await trpc(admin, "importJob.get", { id }, "GET");
        if (!got.data) {
          misses++;
          last = { ...last, error: got.message ?? `HTTP ${got.status}` };
        } else last = got.data;
        if (last.status === "succeeded" || last.status === "failed") break;
        await sleep(200);
      }
      importLine = `10,000-row import as a job: ${last.status ?? job.message} in ${((performance.now() - started) / 1000).toFixed(1)} s (checked ${last.rowsChecked}, written ${last.rowsWritten})${last.error ? ` — ${last.error}` : ""}`;
    }
    if (importLine) console.log(importLine);
  } finally {
    server.kill("SIGTERM");
    await sleep(2000);
    if (!exit) server.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
