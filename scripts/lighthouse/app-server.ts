import { execFileSync, spawn } from "node:child_process";
import { createWriteStream, rmSync } from "node:fs";
import path from "node:path";

export type AppServer = { base: string; stop: () => Promise<void> };

/** A port nothing listens on now (scripts/free-port.mjs). */
export function freePort(): number {
  return Number(execFileSync(process.execPath, ["scripts/free-port.mjs"], { encoding: "utf8" }).trim());
}

/**
 * The built app on `port`, on a fresh seeded PGlite database of its own, exactly as the browser
 * tests run it (scripts/e2e-server.mjs: seed, then scripts/server.mjs in production mode).
 * Resolves once it answers; `stop` ends it and removes its data folder.
 */
export async function startApp(opts: { port: number; distDir: string; logFile: string }): Promise<AppServer> {
  const base = `http://localhost:${opts.port}`;
  if (await answers(base)) throw new Error(`port ${opts.port} is already in use`);
  const log = createWriteStream(opts.logFile);
  const child = spawn(process.execPath, ["scripts/e2e-server.mjs", String(opts.port)], {
    env: { ...process.env, NEXT_DIST_DIR: opts.distDir, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on("exit", () => ((exited = true), resolve())));
  const stop = async () => {
    if (!exited) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exit;
      clearTimeout(timer);
    }
    rmSync(path.resolve(".data", `e2e-${opts.port}`), { recursive: true, force: true });
  };
  // Seeding the demo data set comes first: allow for a slow, shared machine.
  const deadline = Date.now() + 300_000;
  while (!(await answers(base))) {
    if (exited) throw new Error(`the app server exited: see ${opts.logFile}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not answer within 300 s: see ${opts.logFile}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return { base, stop };
}

async function answers(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/auth/csrf`, { signal: AbortSignal.timeout(5000) })).ok;
  } catch {
    return false;
  }
}
