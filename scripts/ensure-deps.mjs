// First step of `npm test` and `npm run demo` (Node built-ins only: it runs before node_modules
// exists). Installs dependencies with `npm ci` when node_modules is missing or was installed from
// a different package-lock.json; otherwise prints nothing.
//
//   node scripts/ensure-deps.mjs            install if needed
//   node scripts/ensure-deps.mjs --record   only record the current lock hash (after a manual `npm ci`)
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const lockFile = path.join(root, "package-lock.json");
const modulesDir = path.join(root, "node_modules");
const hashFile = path.join(modulesDir, ".djzl-lock-hash");

if (!existsSync(lockFile)) {
  console.error("ensure-deps: package-lock.json is missing — run `npm install` once to create it.");
  process.exit(1);
}
const lockHash = createHash("sha256").update(readFileSync(lockFile)).digest("hex");

if (process.argv.includes("--record")) {
  if (!existsSync(modulesDir)) {
    console.error("ensure-deps --record: node_modules is missing — run `npm ci` first.");
    process.exit(1);
  }
  writeFileSync(hashFile, `${lockHash}\n`);
  process.exit(0);
}

let recorded = null;
if (existsSync(hashFile)) recorded = readFileSync(hashFile, "utf8").trim();
if (existsSync(modulesDir) && recorded === lockHash) process.exit(0);

const reason = !existsSync(modulesDir)
  ? "node_modules is missing"
  : recorded
    ? "package-lock.json changed since the last install"
    : "node_modules was not installed by this script";
console.log(`ensure-deps: ${reason} — running npm ci …`);

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const result = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], {
  cwd: root,
  stdio: "inherit",
  shell: process.platform === "win32",
});
if (result.error) {
  console.error(`ensure-deps: could not run npm: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) {
  console.error(`ensure-deps: npm ci failed (exit ${result.status ?? result.signal})`);
  process.exit(result.status || 1);
}
writeFileSync(hashFile, `${lockHash}\n`);
