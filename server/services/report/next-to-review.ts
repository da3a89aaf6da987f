import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { reachSql, type Actor } from "~/server/scope";

/**
 * The next report waiting for the caller's approval (下一份待审), oldest submission first — the
 * same order as the to-do — skipping the one just handled; with how many wait in all. Nothing for
 * callers who approve nothing.
 */
export async function nextToReview({ db, actor }: { db: Db; actor: Actor }, input: { unitId?: number; quarter?: string }) {
  const skip =
    input.unitId !== undefined && input.quarter ? sql`and not (r.unit_id = ${input.unitId} and r.quarter = ${input.quarter})` : sql``;
  const [row] = await queryRows<{ unit_id: number | string; unit_name: string; quarter: string; remaining: number | string }>(
    db,
    sql`select r.unit_id, u.name as unit_name, r.quarter, count(*) over () as remaining
        from reports r join units u on u.id = r.unit_id
        where r.status = 'submitted' and ${reachSql(actor, "approve", "u")} ${skip}
        order by r.submitted_at asc nulls last, r.unit_id, r.quarter
        limit 1`,
  );
  return {
    next: row ? { unitId: Number(row.unit_id), unitName: row.unit_name, quarter: row.quarter } : null,
    remaining: row ? Number(row.remaining) : 0,
  };
}
