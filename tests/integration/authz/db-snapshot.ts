import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";

/**
 * A fingerprint of everything stored: per table its row count and an md5 over its rows in a
 * fixed order. The audit log is left out (reads never write it, refused writes roll it back
 * with everything else, and it is append-only anyway). One round trip for all tables.
 */
export type Snapshot = Record<string, { rows: number; hash: string | null }>;

const tablesOf = new WeakMap<Db, string[]>();

async function listTables(db: Db): Promise<string[]> {
  let tables = tablesOf.get(db);
  if (!tables) {
    const rows = await queryRows<{ name: string }>(
      db,
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'audit_log'
          order by table_name`,
    );
    tables = rows.map((r) => r.name);
    tablesOf.set(db, tables);
  }
  return tables;
}

export async function snapshot(db: Db): Promise<Snapshot> {
  const names = await listTables(db);
  // Table names come from the catalogue, not from input: quoting them is enough.
  const parts = names.map(
    (n) => `select '${n}' as name, count(*) as rows, md5(string_agg(t::text, '|' order by t::text)) as hash from "${n}" t`,
  );
  const rows = await queryRows<{ name: string; rows: number | string; hash: string | null }>(db, sql.raw(parts.join(" union all ")));
  return Object.fromEntries(rows.map((r) => [r.name, { rows: Number(r.rows), hash: r.hash }]));
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return Object.keys({ ...before, ...after }).filter((n) => before[n]?.rows !== after[n]?.rows || before[n]?.hash !== after[n]?.hash);
}
