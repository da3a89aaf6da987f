// The entry of the heavy-work threads (server/lib/heavy-pool.ts). A plain .mjs outside Next's
// bundle, loaded by piscina at run time under `next start`, `next dev` and vitest alike; it
// compiles the TypeScript task modules on the fly with tsx (its esbuild cache keeps restarts fast).
import path from "node:path";
import { register } from "tsx/esm/api";
import "../lib/plain-node.mjs"; // the task modules import "server-only"

register({ tsconfig: path.join(process.cwd(), "tsconfig.json") });
const { runHeavyTask } = await import("./heavy-tasks.ts");

export default runHeavyTask;
