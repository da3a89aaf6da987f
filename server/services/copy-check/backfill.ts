import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "~/db/client";
import { advisoryLocks } from "~/db/locks";
import { copyBands, textFingerprint } from "~/lib/text-similarity";
import { flagRules } from "~/server/services/meeting/flags";
import { allCommonClauses, json, rebuildCopyCorpus } from "./corpus";

/**
 * Rows whose copy-detection columns were never computed (`copy_bands` null: written before
 * 0017/0021, or seeded in bulk) get them: their fingerprint recomputed from the text, the
 * corpus rebuilt from every fingerprint, then their bands taken without the corpus-common
 * clauses — in batches, each its own short transaction, with progress in the log. Run at
 * start-up (instrumentation.ts) and by the seed; idempotent, cheap when there is nothing to do.
 */

const tables = {
  meetings: { text: sql`minutes`, fingerprint: sql`minutes_fingerprint`, name: sql`meetings` },
  duty_reports: { text: sql`text`, fingerprint: sql`text_fingerprint`, name: sql`duty_reports` },
} as const;
type Table = keyof typeof tables;

/** Recomputes the fingerprints of the next `batch` rows without bands after id `after`; returns the last id (null when done). */
export async function fingerprintBatch(tx: Db | Tx, table: Table, after: number, batch: number): Promise<number | null> {
  const t = tables[table];
  const rows = await queryRows<{ id: number; text: string }>(
    tx,
    sql`select id, ${t.text} as text from ${t.name} where copy_bands is null and id > ${after} order by id limit ${batch}`,
  );
  if (rows.length === 0) return null;
  const values = rows.map((r) => ({ id: Number(r.id), fp: textFingerprint(r.text) }));
  await tx.execute(sql`update ${t.name} m set ${t.fingerprint} = v.fp
      from jsonb_to_recordset(${json(values)}) as v(id int, fp text) where m.id = v.id`);
  return values[values.length - 1]!.id;
}

/** Bands the next `batch` rows without bands (with the corpus-common clauses `common`); returns how many. */
export async function bandBatch(tx: Db | Tx, table: Table, common: ReadonlySet<string>, batch: number): Promise<number> {
  const t = tables[table];
  const rows = await queryRows<{ id: number; fp: string; chars: number }>(
    tx,
    sql`select id, ${t.fingerprint} as fp, char_length(${t.text})::int as chars from ${t.name} where copy_bands is null order by id limit ${batch}`,
  );
  if (rows.length === 0) return 0;
  // Duty reports: a text under the flag's minimum length gets no bands (as refreshDutyReportCopy).
  const values = rows.map((r) => ({
    id: Number(r.id),
    bands: `{${(table === "duty_reports" && Number(r.chars) < flagRules.minMinutesChars ? [] : copyBands(r.fp, common)).join(",")}}`,
  }));
  await tx.execute(sql`update ${t.name} m set copy_bands = v.bands::int[]
      from jsonb_to_recordset(${json(values)}) as v(id int, bands text) where m.id = v.id`);
  return rows.length;
}

/** Bands every row without bands inside `tx` (the seed: one transaction). */
export async function bandAllInTx(tx: Tx, batch = 500): Promise<void> {
  const common = await allCommonClauses(tx);
  for (const table of ["meetings", "duty_reports"] as const) while ((await bandBatch(tx, table, common, batch)) > 0);
}

/** How many rows still lack bands. */
async function pending(db: Db): Promise<{ meetings: number; duty_reports: number }> {
  const [row] = await queryRows<{ m: number; d: number }>(
    db,
    sql`select (select count(*) from meetings where copy_bands is null)::int as m,
               (select count(*) from duty_reports where copy_bands is null)::int as d`,
  );
  return { meetings: Number(row?.m ?? 0), duty_reports: Number(row?.d ?? 0) };
}

/**
 * The backfill: fingerprints, corpus, bands for every row without bands. Also rebuilds an
 * empty corpus when texts exist (a database seeded in bulk). Returns how many rows it banded.
 */
export async function backfillCopyDetection(
  db: Db,
  opts: { batch?: number; log?: (line: string) => void } = {},
): Promise<{ meetings: number; dutyReports: number }> {
  const batch = opts.batch ?? 500;
  const log = opts.log ?? (() => {});
  const todo = await pending(db);
  const [corpus] = await queryRows<{ empty: boolean }>(
    db,
    sql`select not exists (select 1 from copy_clauses) and (exists (select 1 from meetings) or exists (select 1 from duty_reports)) as empty`,
  );
  if (todo.meetings === 0 && todo.duty_reports === 0 && !corpus?.empty) return { meetings: 0, dutyReports: 0 };
  log(`copy detection backfill: ${todo.meetings} meetings, ${todo.duty_reports} duty reports without bands`);
  const locked = (fn: (tx: Tx) => Promise<void>) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${advisoryLocks.copyCorpus})`);
      await fn(tx);
    });

  for (const table of ["meetings", "duty_reports"] as const) {
    let after: number | null = 0;
    let done = 0;
    while (after !== null) {
      const from: number = after;
      await locked(async (tx) => {
        after = await fingerprintBatch(tx, table, from, batch);
      });
      if (after !== null) done += batch;
      if (after !== null) log(`copy detection backfill: ${table} fingerprints ${Math.min(done, todo[table])}/${todo[table]}`);
    }
  }
  await locked((tx) => rebuildCopyCorpus(tx));
  log("copy detection backfill: corpus of common clauses rebuilt");

  const common = await allCommonClauses(db);
  for (const table of ["meetings", "duty_reports"] as const) {
    let done = 0;
    for (;;) {
      let n = 0;
      await locked(async (tx) => {
        n = await bandBatch(tx, table, common, batch);
      });
      if (n === 0) break;
      done += n;
      log(`copy detection backfill: ${table} bands ${done}/${todo[table]}`);
      await new Promise((resolve) => setImmediate(resolve)); // let requests in between batches
    }
  }
  return { meetings: todo.meetings, dutyReports: todo.duty_reports };
}
