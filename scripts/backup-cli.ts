import { spawnSync } from "node:child_process";
import path from "node:path";
import { defaultPgliteDir } from "~/db/client";
import { readEnv } from "~/env";
import { backup, restore, type Target } from "./backup";

/**
 * `npm run backup [-- <file>]` / `npm run restore -- <file>` (docs/scaling.md "Backups"):
 * the database of DATABASE_URL, else the embedded PGlite directory (PGLITE_DIR or .data/pglite;
 * stop the app first). A restore goes into an empty database or directory only.
 * In the cluster (docs/scaling.md "Point-in-time recovery"): `npm run backup -- --base` takes a
 * base backup of the primary (scripts/cluster/base-backup.sh), `npm run restore -- --pitr
 * --target-time "<time>"` restores one with the WAL archive to that moment (pitr-restore.sh).
 */
async function main() {
  const [command, fileArg] = process.argv.slice(2);
  const cluster = { backup: "--base", restore: "--pitr" } as const;
  if ((command === "backup" || command === "restore") && fileArg === cluster[command]) {
    const script = command === "backup" ? "base-backup.sh" : "pitr-restore.sh";
    const args = [path.join(import.meta.dirname, "cluster", script), ...process.argv.slice(4)];
    process.exit(spawnSync("bash", args, { stdio: "inherit" }).status ?? 1);
  }
  const env = readEnv();
  const target: Target = env.DATABASE_URL ? { url: env.DATABASE_URL } : { pgliteDir: defaultPgliteDir() };
  const where = "url" in target ? "PostgreSQL (DATABASE_URL)" : `PGlite ${target.pgliteDir}`;
  if (command === "backup") {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const file = fileArg ?? path.join("backups", `djzl-${stamp}.${"url" in target ? "dump" : "tar.gz"}`);
    const { bytes } = await backup(target, file);
    console.log(`已备份 ${where} → ${file}（${(bytes / 1024).toFixed(0)} KiB）`);
  } else if (command === "restore" && fileArg) {
    await restore(target, fileArg);
    console.log(`已恢复 ${fileArg} → ${where}`);
  } else {
    console.error("用法（Usage）: npm run backup [-- <file> | -- --base] | npm run restore -- <file> | -- --pitr --target-time <time>");
    process.exit(2);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
