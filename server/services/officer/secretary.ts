import "server-only";
import { and, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "~/db/client";
import { cases, inspections } from "~/db/schema";

/**
 * “The secretary in post on a day”, in one home: the tenure (officers.id) with post 书记 at the
 * unit whose from ≤ date ≤ to (to null: still in post) — as SQL over a unit and a date
 * expression, so a single record and a whole unit's records link by the same rule.
 */
export function secretaryOnSql(unitId: SQL | number, date: SQL | string): SQL<number | null> {
  return sql<number | null>`(select o.id from officers o
     where o.unit_id = ${unitId} and o.post = 'secretary'
       and o.from_date <= ${date}::date and (o.to_date is null or o.to_date >= ${date}::date)
     order by o.from_date desc, o.id desc limit 1)`;
}

/** The tenure of the unit's secretary on `date` (YYYY-MM-DD), or null when nobody held the post. */
export async function secretaryOn(tx: Db | Tx, unitId: number, date: string): Promise<number | null> {
  const [row] = await queryRows<{ id: number | null }>(tx, sql`select ${secretaryOnSql(unitId, date)} as id`);
  return row?.id == null ? null : Number(row.id);
}

/** The unit's secretary (书记) in post on `day` (YYYY-MM-DD): tenure id, name and since when; null when the post is vacant. */
export async function secretaryNamedOn(
  db: Db | Tx,
  unitId: number,
  day: string,
): Promise<{ officerId: number; name: string; from: string } | null> {
  const [row] = await queryRows<{ officerId: number; name: string; from: string }>(
    db,
    sql`select o.id as "officerId", p.name, o.from_date::text as "from" from officers o join people p on p.id = o.person_id
         where o.id = ${secretaryOnSql(unitId, day)}`,
  );
  return row ? { officerId: Number(row.officerId), name: row.name, from: row.from } : null;
}

/** The day a case was opened (立案), in Beijing, as the secretary link reads it. */
const caseOpenedOn = sql`(${cases.createdAt} at time zone 'Asia/Shanghai')::date`;

/**
 * After the unit's roster changed (a tenure added, corrected or ended): every inspection and
 * case about “the secretary” of the unit links again to whoever held the post on its date, so a
 * roster entered late or corrected keeps history right.
 */
export async function relinkSecretaryRecords(tx: Tx, unitId: number): Promise<void> {
  await tx
    .update(inspections)
    .set({ officerId: secretaryOnSql(unitId, sql`${inspections.inspectedOn}`) })
    .where(and(eq(inspections.unitId, unitId), eq(inspections.subject, "secretary")));
  await tx
    .update(cases)
    .set({ officerId: secretaryOnSql(unitId, caseOpenedOn) })
    .where(and(eq(cases.unitId, unitId), eq(cases.subject, "secretary")));
}

/** The name of the person of a linked tenure (`officer_id` of an inspection or case), as a column of the record's query. */
export const linkedOfficerNameSql = (officerId: AnyColumn) =>
  sql<string | null>`(select p.name from officers o join people p on p.id = o.person_id where o.id = ${officerId})`;
