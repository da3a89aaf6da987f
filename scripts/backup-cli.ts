import path from "node:path";
import { defaultPgliteDir } from "~/db/client";
import { readEnv } from "~/env";
import { backup, restore, type Target } from "./backup";

/**
 * `npm run backup [-- <file>]` / `npm run restore -- <file>` (docs/scaling.md "Backups"):
 * the database of DATABASE_URL, else the embedded PGlite directory (PGLITE_DIR or .data/pglite;
 * stop the app first). A restore goes into an empty database or directory only.
 */
async function main() {
  const [command, fileArg] = process.argv.slice(2);
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
    console.error("用法（Usage）: npm run backup [-- <file>] | npm run restore -- <file>");
    process.exit(2);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
