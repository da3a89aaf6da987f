import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Sql } from "postgres";

/**
 * Template databases for the integration tests: migrating a fresh database (26 migrations) costs
 * seconds per file, starting an empty PGlite from scratch (its initdb) as much again, and seeding
 * the demo data a minute on a loaded machine. So each is done ONCE and copied per file:
 *
 * - PGlite: the migrated (or demo-seeded) data dir is dumped (`dumpDataDir`) to
 *   .data/test-templates/<kind>-<hash>.tar and each file starts its PGlite from that tarball.
 *   The cache outlives the run; it is keyed by a hash of what built it, so a changed migration,
 *   seed or service builds a new one (and the outdated ones of that kind are deleted).
 * - PostgreSQL: a database `djzl_tpl_<hash>` on the test server, copied per file with
 *   `create database … template …`.
 *
 * Two vitest workers asking for the same template at once: one builds it, the other waits (a lock
 * directory on disk, an advisory lock on PostgreSQL). Tests of the migrations themselves
 * (db-faults, backup-restore, auth-throttle's restarts) still migrate from scratch.
 */

const root = path.resolve(import.meta.dirname, "../..");
export const templateDir = path.join(root, ".data", "test-templates");

const hashes = new Map<string, string>();

/** A short hash of the files under `paths` (relative to the repository), their names included. */
function hashFiles(paths: readonly string[]): string {
  const key = paths.join("\n");
  const known = hashes.get(key);
  if (known) return known;
  const h = createHash("sha256");
  const walk = (p: string) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (name !== "node_modules" && !name.startsWith(".")) walk(path.join(p, name));
      return;
    }
    h.update(path.relative(root, p)).update("\0").update(readFileSync(p)).update("\0");
  };
  for (const p of paths) walk(path.join(root, p));
  const hash = h.digest("hex").slice(0, 16);
  hashes.set(key, hash);
  return hash;
}

/** What a migrated database depends on: the migrations and the versions of PGlite and drizzle's migrator. */
export const migratedHash = () =>
  hashFiles(["db/migrations", "node_modules/@electric-sql/pglite/package.json", "node_modules/drizzle-orm/package.json"]);

/**
 * What the demo data depends on: the migrations and all the code seedDemo may reach (the seed
 * scripts, the schema, the services that build rollups and reviews, the shared rules, messages).
 */
export const demoHash = () =>
  hashFiles([
    "db",
    "lib",
    "server",
    "scripts",
    "messages",
    "env.ts",
    "node_modules/@electric-sql/pglite/package.json",
    "node_modules/drizzle-orm/package.json",
  ]);

/** The template's name for the demo data as of `now`. */
export const demoKey = (now: Date) => `demo-${demoHash()}-${now.getTime()}`;
export const migratedKey = () => `migrated-${migratedHash()}`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A lock directory whose builder died (or that was left without a pid for a minute) is stale. */
async function isStale(lock: string): Promise<boolean> {
  const pid = Number(await readFile(path.join(lock, "pid"), "utf8").catch(() => ""));
  if (pid > 0) return !isAlive(pid);
  const st = await stat(lock).catch(() => null);
  return st !== null && Date.now() - st.mtimeMs > 60_000;
}

/**
 * The bytes of the PGlite template `key` (a `dumpDataDir` tarball), built by `build` when the
 * cache has none; one process builds while the others wait for its file.
 */
export async function pgliteTemplate(key: string, build: () => Promise<Blob>): Promise<Blob> {
  const file = path.join(templateDir, `${key}.tar`);
  const lock = `${file}.lock`;
  await mkdir(templateDir, { recursive: true });
  for (;;) {
    const bytes = await readFile(file).catch((err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") return null;
      throw err;
    });
    if (bytes) return new Blob([bytes]);
    try {
      await mkdir(lock);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      if (await isStale(lock)) await rm(lock, { recursive: true, force: true });
      else await sleep(250);
      continue;
    }
    try {
      await writeFile(path.join(lock, "pid"), String(process.pid));
      const blob = await build();
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, Buffer.from(await blob.arrayBuffer()));
      await rename(tmp, file); // whole or not at all
      await pruneOutdated(key);
      return blob;
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
}

/** Deletes the cached templates of the same kind built from other code (`<kind>-<hash>…`). */
async function pruneOutdated(key: string) {
  const [kind, hash] = key.split("-");
  for (const name of await readdir(templateDir)) {
    if (!name.endsWith(".tar")) continue;
    const [k, h] = name.slice(0, -".tar".length).split("-");
    if (k === kind && h !== hash) await rm(path.join(templateDir, name), { force: true });
  }
}

/** PostgreSQL's name of a template key (`migrated-<hash>` → `djzl_tpl_migrated_<hash>`). */
export const pgTemplateName = (key: string) => `djzl_tpl_${key.replaceAll("-", "_")}`;

/** An arbitrary but fixed advisory-lock key under which the test templates are built. */
const TEMPLATE_LOCK = 7_260_001;

/**
 * Makes sure the template database `name` exists on the server `admin` is connected to, building
 * it with `build(url)` when it does not. Built under another name and renamed when complete, so a
 * run that died half-way never leaves a half-built template behind under the real name.
 */
export async function postgresTemplate(admin: Sql, serverUrl: string, name: string, build: (url: string) => Promise<void>) {
  await admin.unsafe(`select pg_advisory_lock(${TEMPLATE_LOCK})`);
  try {
    const [found] = await admin.unsafe(`select 1 from pg_database where datname = $1`, [name]);
    if (found) return;
    const building = `${name}_building`;
    await admin.unsafe(`drop database if exists ${building} with (force)`);
    await admin.unsafe(`create database ${building}`);
    const url = new URL(serverUrl);
    url.pathname = `/${building}`;
    await build(url.toString()); // closes its connections: a template must have none to be copied
    await admin.unsafe(`alter database ${building} rename to ${name}`);
  } finally {
    await admin.unsafe(`select pg_advisory_unlock(${TEMPLATE_LOCK})`);
  }
}
