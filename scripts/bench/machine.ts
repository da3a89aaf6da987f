import { readFileSync } from "node:fs";
import os from "node:os";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";

/** What the numbers were measured on: printed with them, copied into docs/performance.md. */
export async function describeMachine(db: Db) {
  const cpuinfo = (() => {
    try {
      return readFileSync("/proc/cpuinfo", "utf8");
    } catch {
      return "";
    }
  })();
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "?";
  const [pg] = await queryRows<{ version: string }>(db, sql`select version() as version`);
  const settings = await queryRows<{ name: string; setting: string; unit: string | null }>(
    db,
    sql`select name, setting, unit from pg_settings
        where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'max_connections', 'fsync', 'synchronous_commit', 'jit')
        order by name`,
  );
  return {
    cpus: os.availableParallelism(),
    model,
    ramGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    postgres: pg?.version.replace(/ on .*$/, "") ?? "?",
    pgSettings: settings.map((s) => `${s.name}=${s.setting}${s.unit && s.unit !== "" ? ` ${s.unit}` : ""}`).join(", "),
  };
}

/** The 1-minute load average: other processes on a 2-core machine move every number. */
export const loadAverage = () => os.loadavg()[0]!.toFixed(2);
