import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { queryRows, type Db } from "~/db/client";
import { officerOutcomes, officers, people, units } from "~/db/schema";
import { canAccess, hasCapability, OutOfReach, reachSql, recordNotFound, type Actor } from "~/server/scope";
import { todayInChina } from "~/server/services/meeting/schemas";
import { loadSecretaryYears, type SecretaryYear } from "./record-years";

/** A json array of names, as postgres.js (parsed) or PGlite (text) returns it. */
const parseNames = (v: unknown) => (typeof v === "string" ? (JSON.parse(v) as string[]) : ((v ?? []) as string[])).map(String);

/** The person whose tenure is `id`, and every tenure of theirs with its unit; undefined when there is no such tenure. */
async function personTenures(db: Db, id: number) {
  const [tenure] = await db.select({ personId: officers.personId }).from(officers).where(eq(officers.id, id)).limit(1);
  if (!tenure) return undefined;
  const [person] = await db.select().from(people).where(eq(people.id, tenure.personId));
  const tenures = await db
    .select({ officer: officers, unit: { id: units.id, name: units.name, path: units.path, parentId: units.parentId } })
    .from(officers)
    .innerJoin(units, eq(units.id, officers.unitId))
    .where(eq(officers.personId, tenure.personId))
    .orderBy(asc(officers.fromDate), asc(officers.id));
  return { person: person!, tenures };
}

/** The calendar years a secretary tenure covers up to today, each with the part of it in post. */
function yearsOf(from: string, to: string | null, today: string): { year: number; from: string; to: string }[] {
  const end = to === null || to > today ? today : to;
  const out = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) {
    const a = `${y}-01-01`;
    const b = `${y}-12-31`;
    out.push({ year: y, from: from > a ? from : a, to: end < b ? end : b });
  }
  return out;
}

/**
 * `officer.record` (干部考察参考): the person of tenure `id` across the units and years the
 * caller may read — their tenures, and per year as secretary the unit's grade, scores and
 * quadrant position, appraisal, inspections of the secretary, cases, last year's items
 * answered — plus the outcomes decided about them. Whoever may read one of the person's units
 * reads it (their other units stay out, counted in `hiddenTenures`); anyone else: NOT_FOUND.
 */
export async function getOfficerRecord({ db, actor }: { db: Db; actor: Actor }, input: { id: number }, today = todayInChina()) {
  const found = await personTenures(db, input.id);
  if (!found) throw recordNotFound("officer", input.id);
  const readable = found.tenures.filter((t) => canAccess(actor, t.unit, "read"));
  if (!readable.length) {
    // Exactly what an unknown id gets; the cause (never sent) lets the refusal be audited.
    const { message } = recordNotFound("officer", input.id);
    throw new TRPCError({ code: "NOT_FOUND", message, cause: new OutOfReach("officer", input.id) });
  }
  const asked = found.tenures.find((t) => t.officer.id === input.id)!;
  const officer = canAccess(actor, asked.unit, "read") ? asked : readable[readable.length - 1]!;

  // Secretary-years, merged per (year, unit) when one person held the post there twice in a year.
  const byKey = new Map<string, SecretaryYear>();
  for (const t of readable.filter((t) => t.officer.post === "secretary" && t.officer.fromDate <= today)) {
    for (const span of yearsOf(t.officer.fromDate, t.officer.toDate, today)) {
      const k = `${span.year}:${t.unit.id}`;
      const y = byKey.get(k) ?? { year: span.year, unit: { id: t.unit.id, name: t.unit.name, parentId: t.unit.parentId }, spans: [] };
      y.spans.push({ from: span.from, to: span.to });
      byKey.set(k, y);
    }
  }
  const secretaryYears = [...byKey.values()].sort((a, b) => b.year - a.year || a.unit.name.localeCompare(b.unit.name, "zh-CN"));
  const tenureIds = readable.map((t) => t.officer.id);
  const years = await loadSecretaryYears(db, secretaryYears, tenureIds, Number(today.slice(0, 4)));

  const unitIds = [...new Set(readable.map((t) => t.unit.id))];
  const paths = await queryRows<{ id: number; names: unknown }>(
    db,
    sql`select u.id, (select coalesce(json_agg(a.name order by a.depth), '[]'::json) from units a
                       where a.id = any(string_to_array(trim(both '/' from u.path), '/')::int[])
                         and ${reachSql(actor, "read", "a")}) as names
          from units u where u.id in (${sql.join(
            unitIds.map((id) => sql`${id}`),
            sql`, `,
          )})`,
  );
  const outcomes = await db
    .select({
      id: officerOutcomes.id,
      kind: officerOutcomes.kind,
      decidedOn: officerOutcomes.decidedOn,
      year: officerOutcomes.year,
      note: officerOutcomes.note,
    })
    .from(officerOutcomes)
    .where(eq(officerOutcomes.personId, found.person.id))
    .orderBy(desc(officerOutcomes.decidedOn), desc(officerOutcomes.id));

  const tenureView = (t: (typeof readable)[number]) => ({
    id: t.officer.id,
    unitId: t.unit.id,
    unitName: t.unit.name,
    post: t.officer.post,
    fullTime: t.officer.fullTime,
    concurrentHead: t.officer.concurrentHead,
    fromDate: t.officer.fromDate,
    toDate: t.officer.toDate,
  });
  return {
    officer: { ...tenureView(officer), personId: found.person.id, name: found.person.name },
    tenures: readable.map(tenureView),
    hiddenTenures: found.tenures.length - readable.length,
    scope: paths.map((p) => ({ unitId: Number(p.id), names: parseNames(p.names) })),
    years,
    outcomes,
    canManage: hasCapability(actor, "manageAssessment"),
    today,
  };
}
