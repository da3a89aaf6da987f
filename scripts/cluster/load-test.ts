// `npm run test:cluster` (after scripts/cluster/test.sh made sure the cluster is up): a mixed
// load through nginx — leaders reading the dashboard, staff saving and submitting the current
// quarter's report, a reviewer returning it — and, during it, the three failures of issue 16:
// one app instance stopped, the standby stopped, the primary failed over. Then every
// acknowledged write is looked up in the database. Prints ONE summary line; exits 1 when an
// acknowledged write is missing or a bound (dashboards back within 10 s, writes within 30 s)
// is broken. Only 127.0.0.1; bounded: READERS loops, one writer, about two and a half minutes.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { addQuarters, quarterOf } from "~/lib/quarter";
import { signIn } from "../bench/http";

const run = promisify(execFile);
const here = path.dirname(new URL(import.meta.url).pathname);
const base = "http://127.0.0.1:36080";
const dbUrl = "postgres://djzl:djzl-cluster@127.0.0.1:36011/djzl?prepare=false&connect_timeout=5";
const monitorUrl = "postgres://autoctl_node@127.0.0.1:36000/pg_auto_failover";
const READERS = 4;
const runId = randomBytes(4).toString("hex");
const started = Date.now();
const since = () => ((Date.now() - started) / 1000).toFixed(1).padStart(5);
const log = (msg: string) => console.log(`[${since()} s] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Answer = { status: number; data?: unknown; error?: { code?: string; message?: string } };
const failures = new Map<string, number>();
let phase = "steady"; // which failure is under way: failures are counted by phase and kind
const fail = (kind: string) => failures.set(`${phase}:${kind}`, (failures.get(`${phase}:${kind}`) ?? 0) + 1);
let requests = 0;

/** One tRPC call over HTTP through nginx; a network error or timeout is status 0. */
async function trpc(cookie: string, proc: string, input: unknown, method: "GET" | "POST"): Promise<Answer> {
  requests++;
  const body = JSON.stringify({ json: input });
  const url = method === "GET" ? `${base}/api/trpc/${proc}?input=${encodeURIComponent(body)}` : `${base}/api/trpc/${proc}`;
  try {
    const res = await fetch(url, {
      method,
      headers: { cookie, origin: base, ...(method === "POST" ? { "content-type": "application/json" } : {}) },
      body: method === "POST" ? body : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    const json = (await res.json().catch(() => null)) as {
      result?: { data?: { json?: unknown } };
      error?: { json?: { message?: string; data?: { code?: string } } };
    } | null;
    if (res.ok && json?.result) return { status: res.status, data: json.result.data?.json };
    return {
      status: res.status,
      error: { code: json?.error?.json?.data?.code ?? `HTTP ${res.status}`, message: json?.error?.json?.message },
    };
  } catch (err) {
    return { status: 0, error: { code: (err as Error).name === "TimeoutError" ? "timeout" : "network" } };
  }
}

// ---- the load ---------------------------------------------------------------------------
let stopping = false;
const readOk: number[] = []; // completion times of successful dashboard reads
const writeOk: number[] = []; // completion times of acknowledged writes
type Write = { kind: "save" | "submit" | "return"; marker?: string; version: number; acked: boolean };
const writes: Write[] = [];

async function reader(cookie: string, unitId: number, quarter: string) {
  const input = { unitId, from: addQuarters(quarter, -3), to: quarter };
  while (!stopping) {
    const a = await trpc(cookie, "dashboard.overview", input, "GET");
    if (a.status === 200) readOk.push(Date.now());
    else fail(`read ${a.error?.code}`);
    await sleep(50);
  }
}

/** Staff save the draft three times (each with a note naming the write), submit it; the reviewer returns it; again. */
async function writer(staff: string, reviewer: string, unitId: number, quarter: string, values: unknown[]) {
  let saves = 0;
  let seq = 0;
  while (!stopping) {
    const got = await trpc(staff, "report.get", { unitId, quarter }, "GET");
    if (got.status !== 200) {
      fail(`write-resync ${got.error?.code}`);
      await sleep(500);
      continue;
    }
    const report = got.data as { status: string; version: number };
    // Each turn: one write, then a fresh read of the report (the workflow pages read the primary).
    let w: Write;
    let a: Answer;
    if (report.status === "submitted") {
      w = { kind: "return", version: report.version, acked: false };
      a = await trpc(reviewer, "report.return", { unitId, quarter, version: report.version, reason: `集群测试退回 ${runId}` }, "POST");
    } else if (saves >= 3) {
      w = { kind: "submit", version: report.version, acked: false };
      a = await trpc(staff, "report.submit", { unitId, quarter, version: report.version }, "POST");
    } else {
      w = { kind: "save", marker: `cluster ${runId} #${++seq}`, version: report.version, acked: false };
      a = await trpc(
        staff,
        "report.save",
        { unitId, quarter, version: report.version, businessScore: 80 + (seq % 20), note: w.marker, values },
        "POST",
      );
    }
    w.acked = a.status === 200;
    writes.push(w);
    if (w.acked) {
      writeOk.push(Date.now());
      if (w.kind === "save") saves++;
      if (w.kind === "submit") saves = 0;
    } else {
      fail(`write ${a.error?.code}`);
      if (a.error?.code === "BAD_REQUEST") throw new Error(`the writer's ${w.kind} was refused: ${a.error.message}`);
      await sleep(300);
    }
    await sleep(100);
  }
}

// ---- the failures -----------------------------------------------------------------------
const sh = (script: string, ...args: string[]) => run("bash", [path.join(here, script), ...args], { timeout: 180_000 });

async function nodes(): Promise<{ name: string; state: string; goal: string }[]> {
  const monitor = postgres(monitorUrl, { max: 1, onnotice: () => {} });
  try {
    return await monitor<{ name: string; state: string; goal: string }[]>`
      select nodename as name, reportedstate::text as state, goalstate::text as goal from pgautofailover.node order by nodeid`;
  } finally {
    await monitor.end({ timeout: 2 });
  }
}

/** One primary and one secondary, each in the state the monitor assigned it. */
const settled = (ns: { state: string; goal: string }[]) =>
  ns.every((n) => n.state === n.goal) && ns.some((n) => n.state === "primary") && ns.some((n) => n.state === "secondary");

async function waitFor(what: string, seconds: number, check: () => Promise<boolean>) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(1000);
  }
  throw new Error(`${what} did not happen within ${seconds} s`);
}

/** The longest pause between successes in [from, to], counting from `from` (what a user waits at worst). */
function longestGap(times: number[], from: number, to: number): number {
  let last = from;
  let gap = 0;
  for (const t of times.filter((t) => t > from && t <= to).sort((a, b) => a - b)) {
    gap = Math.max(gap, t - last);
    last = t;
  }
  return Math.max(gap, to - last);
}

async function main() {
  const db = postgres(dbUrl, { max: 2, onnotice: () => {} });
  const [leader] = await db<{ unitId: number }[]>`select unit_id as "unitId" from users where username = 'leader'`;
  const [staffUser] = await db<{ unitId: number }[]>`select unit_id as "unitId" from users where username = 'staff'`;
  const quarter = quarterOf(new Date());
  const [leaderCookie, staffCookie, reviewerCookie] = await Promise.all(
    ["leader", "staff", "reviewer"].map((u) => signIn(base, u, "demo1234")),
  );
  // The values of the staff unit's last filed report: a complete report, so it can be submitted.
  const prev = await trpc(staffCookie!, "report.get", { unitId: staffUser!.unitId, quarter: addQuarters(quarter, -2) }, "GET");
  const values = ((prev.data as { values?: { indicatorCode: string; value: unknown }[] })?.values ?? []).filter((v) => v.value != null);
  log(`signed in through nginx; ${READERS} leaders reading, staff writing ${quarter} (run ${runId})`);

  const load = [
    ...Array.from({ length: READERS }, () => reader(leaderCookie!, leader!.unitId, quarter)),
    writer(staffCookie!, reviewerCookie!, staffUser!.unitId, quarter, values),
  ];
  const bounds: string[] = [];
  const events = (async () => {
    await sleep(10_000);
    // 1. One app instance stops: reads continue through the other; its in-flight write fails or completes.
    log("stopping app instance 1");
    phase = "instance-stopped";
    const appStop = Date.now();
    await sh("stop.sh", "app1");
    await sleep(10_000);
    const appGap = longestGap(readOk, appStop, Date.now());
    log(`longest dashboard pause with one instance: ${appGap} ms; restarting instance 1`);
    await sh("apps.sh", "1");
    phase = "steady";

    // 2. The standby stops: dashboards fall back to the primary within 10 s.
    const standby = (await nodes()).find((n) => n.state === "secondary");
    if (!standby) throw new Error("no secondary to stop");
    log(`stopping the standby (${standby.name})`);
    phase = "standby-stopped";
    const standbyStop = Date.now();
    await sh("stop.sh", standby.name);
    await sleep(15_000);
    const standbyGap = longestGap(readOk, standbyStop, Date.now());
    log(`longest dashboard pause without the standby: ${standbyGap} ms; restarting it`);
    if (standbyGap > 10_000) bounds.push(`dashboards paused ${standbyGap} ms without the standby (> 10 s)`);
    const standbyWriteGap = longestGap(writeOk, standbyStop, Date.now());
    await sh("postgres.sh", standby.name);
    // The monitor notices a stopped node only after its health checks: let it see the return.
    await sleep(5_000);
    await waitFor("the standby's return", 120, async () => settled(await nodes()));
    phase = "steady";
    await sleep(3_000);

    // 3. The primary fails over to the standby: writes resume within 30 s.
    const before = await nodes();
    log(`failing over (${before.map((n) => `${n.name} ${n.state}`).join(", ")})`);
    const failover = Date.now();
    phase = "failover";
    // Refused while the monitor is still settling a node's state: asked again for up to a minute.
    await waitFor("the failover", 60, async () => {
      await run("runuser", ["-u", "postgres", "--", "pg_autoctl", "perform", "failover", "--monitor", `${monitorUrl}?sslmode=disable`], {
        timeout: 120_000,
      });
      return true;
    });
    await sleep(15_000);
    const writeGap = longestGap(writeOk, failover, Date.now());
    log(`failover done (${(await nodes()).map((n) => `${n.name} ${n.state}`).join(", ")}); longest write pause ${writeGap} ms`);
    if (writeGap > 30_000) bounds.push(`writes paused ${writeGap} ms across the failover (> 30 s)`);
    return { appGap, standbyGap, standbyWriteGap, writeGap };
  })();
  let gaps: { appGap: number; standbyGap: number; standbyWriteGap: number; writeGap: number } | undefined;
  let eventError: unknown;
  try {
    gaps = await events;
  } catch (err) {
    eventError = err;
  }
  stopping = true;
  await Promise.all(load);

  // Every acknowledged write must be in the database (read back from the new primary).
  const report = await db<{ id: number }[]>`select id from reports where unit_id = ${staffUser!.unitId} and quarter = ${quarter}`;
  const audit = await db<{ action: string; note: string | null; version: string | null }[]>`
    select action, after->>'note' as note, before->>'version' as version from audit_log
    where entity = 'report' and entity_id = ${String(report[0]?.id ?? -1)} and at >= ${new Date(started)}`;
  await db.end({ timeout: 5 });
  const saved = new Set(audit.filter((r) => r.action === "report.save").map((r) => r.note));
  const moved = new Set(audit.filter((r) => r.action !== "report.save").map((r) => `${r.action}@${r.version}`));
  const present = (w: Write) => (w.kind === "save" ? saved.has(w.marker!) : moved.has(`report.${w.kind}@${w.version}`));
  const acked = writes.filter((w) => w.acked);
  const lost = acked.filter((w) => !present(w));
  // A write whose client saw it fail (an instance stopped under it) must not have been applied twice;
  // saves carry a unique note, so one that failed visibly yet committed is counted, not hidden.
  const failedButApplied = writes.filter((w) => !w.acked && w.kind === "save" && present(w)).length;

  const failureText = [...failures].map(([k, n]) => `${k}=${n}`).join(" ") || "none";
  console.log(
    `test:cluster ${lost.length || bounds.length || eventError ? "FAILED" : "ok"} — ${requests} requests in ${since().trim()} s; ` +
      `failures: ${failureText}; writes acknowledged ${acked.length}, verified ${acked.length - lost.length}, lost ${lost.length}, ` +
      `failed-but-applied ${failedButApplied}; pauses: one instance ${gaps?.appGap ?? "?"} ms, standby stopped ${gaps?.standbyGap ?? "?"} ms (≤ 10 s; writes ${gaps?.standbyWriteGap ?? "?"} ms), ` +
      `failover writes ${gaps?.writeGap ?? "?"} ms (≤ 30 s)${bounds.length ? `; ${bounds.join("; ")}` : ""}${eventError ? `; ${eventError instanceof Error ? eventError.message : "the failures did not run"}` : ""}`,
  );
  process.exit(lost.length || bounds.length || eventError ? 1 : 0);
}

await main();
