import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { appAnswers, startProcess } from "../bench/process";

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
  if (await appAnswers(base)) throw new Error(`port ${opts.port} is already in use`);
  const app = await startProcess({
    args: ["scripts/e2e-server.mjs", String(opts.port)],
    env: { ...process.env, NEXT_DIST_DIR: opts.distDir, NEXT_TELEMETRY_DISABLED: "1" },
    logFile: opts.logFile,
    ready: () => appAnswers(base),
    name: "the app server",
    // Seeding the demo data set comes first: allow for a slow, shared machine.
    deadlineMs: 300_000,
    pollMs: 1000,
  });
  const stop = async () => {
    await app.stop();
    rmSync(path.resolve(".data", `e2e-${opts.port}`), { recursive: true, force: true });
  };
  return { base, stop };
}
