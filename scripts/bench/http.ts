import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { appAnswers, startProcess } from "./process";
import { percentile } from "./stats";

const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

/** Runs `next build` into `distDir`. next build rewrites tsconfig.json: it is put back as it was. */
export async function buildApp(distDir: string, logFile: string): Promise<number> {
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  const started = performance.now();
  try {
    await run(process.execPath, [nextBin, "build"], { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" }, logFile);
  } finally {
    if (readFileSync("tsconfig.json", "utf8") !== tsconfig) writeFileSync("tsconfig.json", tsconfig);
  }
  return performance.now() - started;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile);
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? cmd)} ${args[1] ?? ""} exited with ${code}: see ${logFile}`)),
    );
  });
}

export type Server = { base: string; stop: () => Promise<void> };

/** `next start` on `port` against `databaseUrl`, with a fresh random AUTH_SECRET; resolves once it answers. */
export async function startServer(opts: { distDir: string; port: number; databaseUrl: string; logFile: string }): Promise<Server> {
  const base = `http://127.0.0.1:${opts.port}`;
  if (await appAnswers(base)) throw new Error(`port ${opts.port} is already in use`);
  const { stop } = await startProcess({
    args: [nextBin, "start", "-p", String(opts.port), "-H", "127.0.0.1"],
    env: {
      ...process.env,
      DATABASE_URL: opts.databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      AUTH_TRUST_HOST: "true",
      NEXT_DIST_DIR: opts.distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      // The scale data set keeps the demo accounts and their published password: demo mode
      // (plain-http cookies, no refusal to start over demo passwords), as the e2e server runs.
      DJZL_DEMO: "1",
    },
    logFile: opts.logFile,
    ready: () => appAnswers(base),
    name: "next start",
    deadlineMs: 120_000,
    pollMs: 500,
  });
  return { base, stop };
}

/** Signs in through next-auth's credentials callback as a script would; returns the Cookie header. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ username, password, csrfToken, callbackUrl: "/" }),
  });
  keep(res);
  if (res.status !== 302 || ![...jar.keys()].some((k) => k.includes("session-token"))) {
    throw new Error(`sign-in as ${username} failed (${res.status} → ${res.headers.get("location")})`);
  }
  return cookie();
}

export type LoadResult = {
  requests: number;
  reqPerSec: number;
  p50: number;
  p90: number;
  p95: number;
  p97_5: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

/**
 * autocannon with `connections` keep-alive clients for `seconds` against one GET. Its own
 * histogram has p90/p97.5/p99 but no p95, so every response time is also collected here and
 * p95 computed from them (nearest rank).
 */
export async function loadTest(url: string, cookie: string, opts: { connections: number; seconds: number }): Promise<LoadResult> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: opts.connections, duration: opts.seconds, headers: { cookie } }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p95: percentile(times, 95),
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
