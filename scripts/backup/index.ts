import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { pgTool } from "./pg-tools";

const run = promisify(execFile);

/** Where the data is: a PostgreSQL server (`url`) or the embedded PGlite directory (`pgliteDir`). */
export type Target = { url: string } | { pgliteDir: string };

/**
 * Backs the whole database up into `file`:
 * - PostgreSQL: `pg_dump --format=custom` (schema, data, the migrations journal, extensions);
 * - PGlite: the data directory as a gzipped tarball. The app must be stopped: PGlite is one
 *   process's database, and copying its files while it writes would give a torn copy.
 */
export async function backup(target: Target, file: string): Promise<{ bytes: number }> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if ("url" in target) {
    await run(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", "--file", file, target.url]);
  } else {
    if (!existsSync(path.join(target.pgliteDir, "PG_VERSION"))) throw new Error(`没有数据库（No database）: ${target.pgliteDir}`);
    // A stopped copy of the data directory, as a gzipped tarball (tar is on every Debian). PGlite's
    // own dumpDataDir writes the same files but took minutes for the demo database under load.
    await run("tar", ["-czf", path.resolve(file), "-C", target.pgliteDir, "."]);
  }
  const { size } = statSync(file);
  return { bytes: size };
}

/** Whether the target already holds tables of the app (a restore never writes over them). */
async function isEmpty(target: Target): Promise<boolean> {
  if ("pgliteDir" in target) return !existsSync(target.pgliteDir) || readdirSync(target.pgliteDir).length === 0;
  const { default: postgres } = await import("postgres");
  const sql = postgres(target.url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<
      { n: number }[]
    >`select count(*)::int as n from information_schema.tables where table_schema in ('public', 'drizzle')`;
    return (row?.n ?? 0) === 0;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Restores `file` (made by `backup`) into an EMPTY target: a new PostgreSQL database
 * (`pg_restore`), or a new PGlite directory. A target that already holds data is refused.
 */
export async function restore(target: Target, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`备份文件不存在（Backup file not found）: ${file}`);
  if (!(await isEmpty(target))) {
    throw new Error(
      "目标数据库不是空的：请恢复到新建的空数据库或空目录（The target already holds data: restore into a new, empty database or directory）",
    );
  }
  if ("url" in target) {
    await run(pgTool("pg_restore"), ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", target.url, file]);
    return;
  }
  mkdirSync(target.pgliteDir, { recursive: true });
  await run("tar", ["-xzf", path.resolve(file), "-C", target.pgliteDir]);
}
