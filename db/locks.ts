/**
 * Every PostgreSQL advisory-lock key the app takes, in one place so that no two uses share a
 * number by accident. The values are fixed: a running instance of an older build takes the same keys.
 */
export const advisoryLocks = {
  /** Applying the migrations at start-up (session lock on one dedicated connection, db/migrate.ts). */
  migrate: 7263514,
  /** The demo seeder, so two seeders never interleave (scripts/seed/index.ts). */
  seed: 7263515,
  /** Writes that change the shape of the unit tree: create, move, (de)activate (unit/guards.ts). */
  treeStructure: 7263516,
  /** Catalogue rule changes (exclusive) against approvals (shared) (catalogue/open-quarter.ts). */
  catalogueRules: 7263520,
  /** Rollup refreshes, one after another (rollup/subtree-sql.ts). */
  rollupRefresh: 7263521,
  /** Rebuilding the copy-detection corpus and backfilling bands, one at a time (copy-check/backfill.ts). */
  copyCorpus: 7263522,
} as const;

export type AdvisoryLock = keyof typeof advisoryLocks;
