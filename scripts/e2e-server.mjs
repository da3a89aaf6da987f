// Starts the built app for the browser tests on a fresh, seeded PGlite database of its own
// (PGlite has no lock: never share a data dir with the dev server).
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";

// The port: the argument, else one nothing listens on.
const port = process.argv[2] ?? execFileSync(process.execPath, ["scripts/free-port.mjs"], { encoding: "utf8" }).trim();
console.log(`e2e server on port ${port}`);
const dir = path.resolve(".data", `e2e-${port}`);
rmSync(dir, { recursive: true, force: true });
const env = {
  ...process.env,
  PGLITE_DIR: dir,
  DATABASE_URL: "",
  AUTH_SECRET: randomBytes(32).toString("hex"),
  NEXT_TELEMETRY_DISABLED: "1",
  DJZL_DEMO: "1",
};
delete env.DATABASE_URL;
execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--import", "./server/lib/plain-node.mjs", "scripts/seed/cli.ts"], {
  env,
  stdio: "inherit",
});
// The app's own server (scripts/server.mjs): client addresses from the connection, as `npm start`.
const server = spawn(process.execPath, ["scripts/server.mjs", port], { env: { ...env, NODE_ENV: "production" }, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
