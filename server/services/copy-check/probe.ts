import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Tx } from "~/db/client";
import { copyBands, copyRules, fingerprintSimilarity, shingles } from "~/lib/text-similarity";
import { commonClausesOf } from "./corpus";

/**
 * The database side of copy detection (lib/text-similarity), shared by minutes and duty
 * reports: a text's MinHash band hashes (`copy_bands`, GIN-indexed) find the candidates that
 * share at least one band — one index probe —, the best `probeLimit` of them by bands shared
 * are read, and the full method decides in TypeScript — both texts without the clauses the
 * corpus shows to be common (./corpus.ts).
 */

/** How many candidates (most bands shared first) are compared in full. */
export const probeLimit = 50;

/**
 * Runs `fn` with sequential scans off, then puts the setting back so the rest of the write
 * transaction plans as usual: the planner cannot estimate `&&` over int[] and prices a scan
 * of every row below the GIN probe — over 10,000 meetings on PGlite 680 ms against 20–50 ms
 * for the index. `set_config(…, true)` is `set local`: a rollback undoes it too.
 */
export async function withBandProbe<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  const [prev] = await queryRows<{ seq: string }>(
    tx,
    sql`select current_setting('enable_seqscan') as seq, set_config('enable_seqscan', 'off', true)`,
  );
  const out = await fn();
  await tx.execute(sql`select set_config('enable_seqscan', ${prev?.seq ?? "on"}, true)`);
  return out;
}

/** The band hashes as one int[] parameter. */
export const bandsParam = (bands: readonly number[]) => sql`${`{${bands.join(",")}}`}::int[]`;

/** The probe's condition: the row shares a band with `bands` (GIN `&&`). */
export const sharesBand = (column: SQL, bands: readonly number[]) => sql`${column} && ${bandsParam(bands)}`;

/** How many of `bands` the row shares (orders candidates). */
export const bandsShared = (column: SQL, bands: readonly number[]) =>
  sql`(select count(*) from unnest(${column}) as b(h) where b.h = any(${bandsParam(bands)}))`;

/** A stored fingerprint's bands, taken without the corpus-common clauses known now (./corpus.ts). */
export async function bandsNow(tx: Tx, fingerprint: string): Promise<number[]> {
  return copyBands(fingerprint, await commonClausesOf(tx, [fingerprint]));
}

/**
 * The best copy among `rows` (already in tie-break order: the earliest first): the highest
 * similarity to `fingerprint` at or above the threshold, or null; the corpus-common clauses
 * `common` (./corpus.ts) may lower a score (fingerprintSimilarity).
 */
export function bestCopy<T extends { fingerprint: string }>(
  fingerprint: string,
  rows: readonly T[],
  common?: ReadonlySet<string>,
): (T & { similarity: number }) | null {
  let best: (T & { similarity: number }) | null = null;
  const own = common && common.size > 0 ? fingerprint : shingles(fingerprint);
  for (const row of rows) {
    const similarity = fingerprintSimilarity(own, row.fingerprint, common);
    if (similarity >= copyRules.threshold && (best === null || similarity > best.similarity)) best = { ...row, similarity };
  }
  return best;
}
