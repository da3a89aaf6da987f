import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * Where pg_dump / pg_restore live: $PG_BINDIR, else the newest Debian /usr/lib/postgresql/<n>/bin
 * (the same rule as scripts/pg-throwaway.sh), else the PATH. pg_dump must be at least the
 * server's major version: the newest installed one is the best guess.
 */
export function pgTool(name: "pg_dump" | "pg_restore"): string {
  const fromEnv = process.env.PG_BINDIR;
  if (fromEnv && existsSync(path.join(fromEnv, name))) return path.join(fromEnv, name);
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, "bin", name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? path.join(root, versions[0], "bin", name) : name;
}
