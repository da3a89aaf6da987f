import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";

/**
 * Starts a Node process (the app or a bare server, for the benchmarks and the Lighthouse script),
 * its output to `logFile`, and resolves once `ready()` answers; `stop()` ends it (SIGTERM, then
 * SIGKILL after 10 s). Throws when it exits first or does not answer within `deadlineMs`.
 */
export async function startProcess(opts: {
  args: string[];
  cwd?: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  ready: () => Promise<boolean>;
  name: string;
  deadlineMs?: number;
  pollMs?: number;
}): Promise<{ stop: () => Promise<void> }> {
  const log = createWriteStream(opts.logFile);
  const child: ChildProcess = spawn(process.execPath, opts.args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on("exit", () => ((exited = true), resolve())));
  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exit;
    clearTimeout(timer);
  };
  const limit = opts.deadlineMs ?? 180_000;
  const deadline = Date.now() + limit;
  while (!(await opts.ready())) {
    if (exited) throw new Error(`${opts.name} exited: see ${opts.logFile}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${opts.name} did not answer within ${limit / 1000} s: see ${opts.logFile}`);
    }
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 300));
  }
  return { stop };
}

/** Whether the app at `base` answers (its CSRF endpoint: no session needed). */
export async function appAnswers(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/auth/csrf`, { signal: AbortSignal.timeout(5000) })).ok;
  } catch {
    return false;
  }
}
