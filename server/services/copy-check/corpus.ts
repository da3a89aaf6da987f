import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "~/db/client";
import { commonClauseUnits, fingerprintClauses } from "~/lib/text-similarity";

/**
 * The copy-detection corpus (`copy_clause_units`, `copy_clauses`): which units' texts contain
 * each substance clause. A clause in enough units' texts (`commonClauseUnits`) is boilerplate
 * of this corpus and is stripped before a text is scored and banded (lib/text-similarity).
 *
 * Kept by every write of minutes and duty reports with the clauses that text gained and lost
 * (a handful of rows, never a scan of the corpus). Rows are touched in one order (clauses
 * compare byte-wise, `collate "C"`, and are sorted the same way here), first the unit's rows,
 * then the counters, so two writes never hold rows the other waits for in the opposite order.
 * `rebuildCopyCorpus` recomputes both tables from the stored fingerprints (backfill, seed).
 */

export type CorpusText = { unitId: number; fingerprint: string } | null;

/** A JSON parameter (an array of records, read with jsonb_to_recordset). */
export const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/** Byte-wise (UTF-8, = code point) order, as `collate "C"` compares. */
const byCodePoint = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Records that a text changed from `before` to `after` (null: created / deleted). */
export async function recordCorpusChange(tx: Tx, before: CorpusText, after: CorpusText): Promise<void> {
  const delta = new Map<string, number>(); // `${unitId}\u0000${clause}` → +1 / −1
  const add = (t: CorpusText, d: number) => {
    if (!t) return;
    for (const clause of new Set(fingerprintClauses(t.fingerprint))) {
      const key = `${t.unitId}\u0000${clause}`;
      delta.set(key, (delta.get(key) ?? 0) + d);
    }
  };
  add(before, -1);
  add(after, 1);
  const rows = [...delta]
    .filter(([, d]) => d !== 0)
    .map(([key, d]) => {
      const [unit, clause] = key.split("\u0000") as [string, string];
      return { unitId: Number(unit), clause, d };
    })
    .sort((a, b) => byCodePoint(a.clause, b.clause) || a.unitId - b.unitId);
  if (rows.length === 0) return;

  const updated = await queryRows<{ clause: string; unitId: number; documents: number }>(
    tx,
    sql`insert into copy_clause_units as c (clause, unit_id, documents)
        select r.clause, r.unit_id, r.d
          from jsonb_to_recordset(${json(rows.map((r) => ({ clause: r.clause, unit_id: r.unitId, d: r.d })))}) as r(clause text, unit_id int, d int)
         order by r.clause collate "C", r.unit_id
        on conflict (clause, unit_id) do update set documents = c.documents + excluded.documents
        returning c.clause, c.unit_id as "unitId", c.documents`,
  );
  const deltaOf = new Map(rows.map((r) => [`${r.unitId}\u0000${r.clause}`, r.d]));
  // A unit gained a clause (its first text with it) or lost it (its last one).
  const units = new Map<string, number>();
  for (const u of updated) {
    const d = deltaOf.get(`${u.unitId}\u0000${u.clause}`) ?? 0;
    const documents = Number(u.documents);
    if (d > 0 && documents === d) units.set(u.clause, (units.get(u.clause) ?? 0) + 1);
    if (d < 0 && documents <= 0 && documents - d > 0) units.set(u.clause, (units.get(u.clause) ?? 0) - 1);
  }
  const gone = updated.filter((u) => Number(u.documents) <= 0);
  if (gone.length > 0) {
    await tx.execute(
      sql`delete from copy_clause_units c
           using jsonb_to_recordset(${json(gone.map((g) => ({ clause: g.clause, unit_id: Number(g.unitId) })))}) as g(clause text, unit_id int)
           where c.clause = g.clause and c.unit_id = g.unit_id and c.documents <= 0`,
    );
  }
  const counts = [...units].filter(([, d]) => d !== 0).sort((a, b) => byCodePoint(a[0], b[0]));
  if (counts.length === 0) return;
  await tx.execute(
    sql`insert into copy_clauses as c (clause, units)
        select r.clause, r.d
          from jsonb_to_recordset(${json(counts.map(([clause, d]) => ({ clause, d })))}) as r(clause text, d int)
         order by r.clause collate "C"
        on conflict (clause) do update set units = greatest(c.units + excluded.units, 0)`,
  );
}

/** How many units' texts make a clause corpus-common now (the rule over the number of units). */
export async function commonThreshold(db: Db | Tx): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from units`);
  return commonClauseUnits(Number(row?.n ?? 0));
}

/** The corpus-common clauses among the clauses of `fingerprints` (one indexed lookup). */
export async function commonClausesOf(db: Db | Tx, fingerprints: readonly string[]): Promise<Set<string>> {
  const clauses = [...new Set(fingerprints.flatMap(fingerprintClauses))];
  if (clauses.length === 0) return new Set();
  const rows = await queryRows<{ clause: string }>(
    db,
    sql`select clause from copy_clauses
         where clause in (select jsonb_array_elements_text(${json(clauses)})) and units >= ${await commonThreshold(db)}`,
  );
  return new Set(rows.map((r) => r.clause));
}

/** Every corpus-common clause (the seed and the backfill, which band many texts at once). */
export async function allCommonClauses(db: Db | Tx): Promise<Set<string>> {
  const rows = await queryRows<{ clause: string }>(db, sql`select clause from copy_clauses where units >= ${await commonThreshold(db)}`);
  return new Set(rows.map((r) => r.clause));
}

/**
 * Recomputes the corpus from the stored fingerprints of every meeting and duty report — one
 * statement each, for the backfill and the seed (not for a write). The caller holds
 * `advisoryLocks.copyCorpus`, so two rebuilds never interleave.
 */
export async function rebuildCopyCorpus(tx: Tx): Promise<void> {
  await tx.execute(sql`delete from copy_clause_units`);
  await tx.execute(sql`delete from copy_clauses`);
  await tx.execute(sql`insert into copy_clause_units (clause, unit_id, documents)
    select l.clause, d.unit_id, count(*)::int
      from (select unit_id, minutes_fingerprint as fp from meetings
            union all select unit_id, text_fingerprint from duty_reports) d,
           lateral (select distinct x as clause from unnest(string_to_array(d.fp, E'\\n')) as x where x <> '') l
     group by l.clause, d.unit_id`);
  await tx.execute(sql`insert into copy_clauses (clause, units)
    select clause, count(*)::int from copy_clause_units group by clause`);
}
