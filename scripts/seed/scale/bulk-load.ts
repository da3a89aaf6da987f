import type { Sql } from "postgres";

type Constraint = { tbl: string; name: string; def: string; kind: "p" | "u" | "f" };
type Index = { name: string; def: string };

/**
 * Runs `load` with the indexes, primary keys, unique and foreign-key constraints of `tables`
 * (and foreign keys pointing at them) dropped, then recreates each from its own saved
 * definition — as pg_restore does: building an index once is far cheaper than maintaining
 * it row by row, and a foreign key is checked in one join instead of one lookup per row.
 * Returns the time spent rebuilding.
 */
export async function withoutIndexes(sql: Sql, tables: readonly string[], load: () => Promise<void>): Promise<{ rebuildMs: number }> {
  const names = tables as string[];
  const constraints = await sql<Constraint[]>`
    select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def, c.contype as kind
    from pg_constraint c
    where c.contype in ('p', 'u', 'f')
      and (c.conrelid::regclass::text = any(${names}) or (c.contype = 'f' and c.confrelid::regclass::text = any(${names})))`;
  const indexes = await sql<Index[]>`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i
    where i.indrelid::regclass::text = any(${names})
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`;

  const fks = constraints.filter((c) => c.kind === "f");
  const keys = constraints.filter((c) => c.kind !== "f");
  for (const c of fks) await sql.unsafe(`alter table ${c.tbl} drop constraint ${quote(c.name)}`);
  for (const c of keys) await sql.unsafe(`alter table ${c.tbl} drop constraint ${quote(c.name)}`);
  for (const i of indexes) await sql.unsafe(`drop index ${i.name}`);

  await load();

  const started = performance.now();
  await sql.begin(async (tx) => {
    await tx.unsafe("set local maintenance_work_mem = '2GB'");
    await tx.unsafe("set local max_parallel_maintenance_workers = 2");
    for (const i of indexes) await tx.unsafe(i.def);
    for (const c of keys) await tx.unsafe(`alter table ${c.tbl} add constraint ${quote(c.name)} ${c.def}`);
    for (const c of fks) await tx.unsafe(`alter table ${c.tbl} add constraint ${quote(c.name)} ${c.def}`);
  });
  return { rebuildMs: performance.now() - started };
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
