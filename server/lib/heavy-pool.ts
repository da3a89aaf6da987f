import os from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { Piscina } from "piscina";
import { readEnv } from "~/env";
import type { ChartWorkbook } from "~/server/services/export/chart-workbook";
import type { ParseResult } from "~/server/services/spreadsheet/parse-file";
import type { SpreadsheetFile } from "~/server/services/spreadsheet/render-template";
import type { HeavyTask } from "~/server/workers/heavy-tasks";
import { m } from "~/lib/server-message";

/**
 * The bounded pool of worker threads for CPU-heavy steps (parsing uploads, building workbooks),
 * so the request thread keeps answering everyone else. Two limits answer “系统繁忙” (429 with
 * Retry-After) instead of queueing without end: at most PER_OWNER tasks of one user at a time,
 * and at most MAX_QUEUE tasks waiting for a thread in the whole process.
 */

const env = readEnv();
const threads = Math.max(1, env.HEAVY_WORKERS || Math.min(4, os.availableParallelism() - 1));
export const PER_OWNER = Math.max(1, env.HEAVY_PER_USER || 2);
export const MAX_QUEUE = Math.max(1, env.HEAVY_QUEUE || threads * 4);
/** Seconds a refused caller is told to wait. */
export const RETRY_AFTER_SECONDS = 5;
/** Heap of one worker: a runaway file fails its task, never the server (RSS stays bounded). */
const WORKER_HEAP_MB = Math.max(128, env.HEAVY_WORKER_HEAP_MB || 384);

type Results = {
  parse: ParseResult;
  chart: ChartWorkbook;
  template: SpreadsheetFile;
  export: SpreadsheetFile;
  rosterTemplate: SpreadsheetFile;
};

const state = globalThis as unknown as { heavyPool?: Piscina; heavyRunning?: Map<string, number> };

function pool(): Piscina {
  // On globalThis: hot reload in development must not start a second set of threads.
  state.heavyPool ??= new Piscina({
    // A plain .mjs outside Next's bundle, found from the app's folder at run time.
    filename: path.join(process.cwd(), "server", "workers", "heavy-worker.mjs"),
    minThreads: 1,
    maxThreads: threads,
    maxQueue: MAX_QUEUE,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  return state.heavyPool;
}

const running = (state.heavyRunning ??= new Map<string, number>());

/** Starts the first worker at server start, so the first upload does not wait for it to load. */
export const warmHeavyPool = () => void pool();

export const busyMessage = m("heavyPool.serverBusyTryAgainLater");
export const busy = () => new TRPCError({ code: "TOO_MANY_REQUESTS", message: busyMessage });
const tooComplex = () =>
  new TRPCError({
    code: "PAYLOAD_TOO_LARGE",
    message: m("heavyPool.tooMuchDataForOneRequest"),
  });

/** What the pool holds now (for the benchmark and tests). */
export const heavyStats = () => ({ threads, queued: state.heavyPool?.queueSize ?? 0, running: Object.fromEntries(running) });

/**
 * Runs `task` on a worker thread for `owner` (a user id, or a job's key). Throws TOO_MANY_REQUESTS
 * when the owner already has PER_OWNER tasks running or the queue is full.
 */
export async function runHeavy<K extends HeavyTask["kind"]>(owner: string, task: Extract<HeavyTask, { kind: K }>): Promise<Results[K]> {
  const p = pool();
  const mine = running.get(owner) ?? 0;
  if (mine >= PER_OWNER || p.queueSize >= MAX_QUEUE) throw busy();
  running.set(owner, mine + 1);
  try {
    return (await p.run(task)) as Results[K];
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "ERR_WORKER_OUT_OF_MEMORY") throw tooComplex();
    if (err instanceof Error && /queue is at limit/i.test(err.message)) throw busy();
    throw err;
  } finally {
    const left = (running.get(owner) ?? 1) - 1;
    if (left > 0) running.set(owner, left);
    else running.delete(owner);
  }
}

/** A Buffer again: a worker's Buffer arrives as a plain Uint8Array. */
export const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
