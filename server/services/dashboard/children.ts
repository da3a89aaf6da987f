import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";

export type ChildUnit = { id: number; name: string; type: string; hasChildren: boolean };

/** The units one level below `rootId`, by name, with whether each has units below it. */
export async function childUnits(db: Db, rootId: number): Promise<ChildUnit[]> {
  const rows = await queryRows<{ id: number; name: string; type: string; has_children: boolean }>(
    db,
    sql`select u.id, u.name, u.type, exists (select 1 from units c where c.parent_id = u.id) as has_children
        from units u where u.parent_id = ${rootId}
        order by u.name`,
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name, type: r.type, hasChildren: !!r.has_children }));
}
