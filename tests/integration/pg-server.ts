import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * A dedicated, throwaway PostgreSQL server that a test may stop and start again — the
 * TypeScript twin of scripts/pg-throwaway.sh (same binaries, same root → `postgres` rule).
 */
export type PgServer = {
  url: string;
  port: number;
  /** `pg_ctl stop -m <mode>`: fast ends every session with 57P01, immediate drops them. */
  stop: (mode?: "fast" | "immediate") => Promise<void>;
  start: () => Promise<void>;
  /** Stops the server (if running) and deletes its data directory. */
  destroy: () => Promise<void>;
};

/** The newest /usr/lib/postgresql/<v>/bin holding initdb and pg_ctl, or $PG_BINDIR; null if none. */
export function pgBinDir(): string | null {
  const candidates = process.env.PG_BINDIR
    ? [process.env.PG_BINDIR]
    : existsSync("/usr/lib/postgresql")
      ? readdirSync("/usr/lib/postgresql")
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => path.join("/usr/lib/postgresql", v, "bin"))
      : [];
  return candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"))) ?? null;
}

const isRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: as root, run its tools as `postgres`, from `/`. */
function asOwner(bin: string, args: string[]) {
  const [cmd, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  return run(cmd, argv, { cwd: "/", timeout: 90_000 });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function startPgServer(): Promise<PgServer> {
  const bin = pgBinDir();
  if (!bin) throw new Error("PostgreSQL binaries not found (apt-get install postgresql, or set PG_BINDIR)");
  const dir = mkdtempSync(path.join(tmpdir(), "pg-faults-"));
  if (isRoot()) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = path.join(dir, "data");
  await asOwner(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--encoding=UTF8", "--no-locale", "--no-sync"]);
  const port = await freePort();
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  let running = false;
  const start = async () => {
    await asOwner(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(data, "log"), "-w", "-t", "60", "-o", opts, "start"]);
    running = true;
  };
  const stop = async (mode: "fast" | "immediate" = "fast") => {
    await asOwner(path.join(bin, "pg_ctl"), ["-D", data, "-m", mode, "-w", "-t", "60", "stop"]);
    running = false;
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start,
    destroy: async () => {
      if (running) await stop("immediate").catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
