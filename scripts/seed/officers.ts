import { sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import type { OfficerPost } from "~/lib/codes";
import { auditLog, officers, people } from "~/db/schema";
import type { DemoUnit } from "~/scripts/seed/demo-tree";
import { minutesSecretaryOf } from "~/scripts/seed/meetings";
import { personName } from "~/scripts/seed/minutes-text";
import { makeRng, type Rng } from "~/scripts/seed/scale/rng";
import { secretaryOnSql } from "~/server/services/officer/secretary";

/**
 * The demo roster (班子成员, DESIGN.md "Annual assessment"): a secretary for every unit (the
 * one its meeting minutes name), a 副书记 and 1–3 委员 where the unit has a 支委会 (7 or more
 * members, or an inner unit), tenures starting years back. In the current year three units
 * changed secretary, and one secretary moved to another unit (two tenures, one person).
 * A tenure's `toDate` is its last day in post; the next one starts the day after.
 */

/** The secretary of the 重业务轻党建 branch who was promoted and moved to head another unit's Party organisation. */
export const movedSecretaryFrom = "市财政局国库科党支部";
export const movedSecretaryTo = "市教育考试院党总支";
/** A weak branch whose secretary was replaced (调整) this year. */
export const replacedSecretaryAt = "市卫生健康委信息中心党支部";

export type PlannedTenure = {
  key: number; // index into the plan, for the person
  personKey: number;
  unitId: number;
  post: OfficerPost;
  fullTime: boolean;
  concurrentHead: boolean;
  fromDate: string;
  toDate: string | null;
};

export type OfficerPlan = { names: string[]; tenures: PlannedTenure[]; changedOn: string };

const SEED = 0x0ff1_ce75;
const DAY = 86_400_000;
export const beijingDate = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);
/** The calendar year of `now` in Beijing: the assessment's current year (the last finished one is the year before). */
export const beijingYear = (now: Date) => Number(beijingDate(now).slice(0, 4));
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

function startDate(rng: Rng, fromYear: number, toYear: number): string {
  const y = rng.int(fromYear, toYear);
  return `${y}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
}

/** The roster of the demo tree as of `now` (pure, deterministic). */
export function planOfficers(tree: DemoUnit[], now: Date): OfficerPlan {
  const rng = makeRng(SEED);
  const year = beijingYear(now);
  const today = beijingDate(now);
  // The day the current year's changes of secretary took effect: two fifths into the year so far.
  const jan1 = Date.parse(`${year}-01-01T00:00:00Z`);
  const changedOn = new Date(jan1 + Math.floor(((Date.parse(`${today}T00:00:00Z`) - jan1) * 0.4) / DAY) * DAY).toISOString().slice(0, 10);
  const lastInPost = addDays(changedOn, -1);

  const names: string[] = [];
  const taken = new Set<string>();
  const person = (name?: string): number => {
    let n = name ?? personName(rng.pick);
    while (name === undefined && taken.has(n)) n = personName(rng.pick);
    taken.add(n);
    names.push(n);
    return names.length - 1;
  };
  for (const u of tree) taken.add(minutesSecretaryOf(u.name));

  const tenures: PlannedTenure[] = [];
  const add = (t: Omit<PlannedTenure, "key">) => tenures.push({ key: tenures.length, ...t });
  const byName = new Map(tree.map((u) => [u.name, u]));
  const from = byName.get(movedSecretaryFrom);
  const to = byName.get(movedSecretaryTo);
  const movedPerson = from ? person(minutesSecretaryOf(from.name)) : -1;

  for (const u of tree) {
    // The secretary: in post since before the last finished year began.
    const sinceYear = year - 1 - rng.int(1, 8);
    const since = startDate(rng, sinceYear, sinceYear);
    const secretary = u === from ? movedPerson : person(minutesSecretaryOf(u.name));
    const base = { unitId: u.id, post: "secretary" as const, fullTime: u.fullTimeStaff, concurrentHead: u.secretaryIsHead };
    if (rng.chance(0.3)) {
      // An earlier secretary, for a roster with history.
      add({ ...base, personKey: person(), fromDate: startDate(rng, sinceYear - 6, sinceYear - 2), toDate: addDays(since, -1) });
    }
    const changes = u === from || u === to || u.name === replacedSecretaryAt;
    add({ ...base, personKey: secretary, fromDate: since, toDate: changes ? lastInPost : null });
    if (u === from) add({ ...base, personKey: person(), fromDate: changedOn, toDate: null });
    if (u === to) add({ ...base, fullTime: true, concurrentHead: false, personKey: movedPerson, fromDate: changedOn, toDate: null });
    if (u.name === replacedSecretaryAt) add({ ...base, personKey: person(), fromDate: changedOn, toDate: null });

    const committee = u.type !== "branch" || u.memberCount >= 7;
    if (!committee) continue;
    if (rng.chance(0.85))
      add({
        unitId: u.id,
        post: "deputy_secretary",
        personKey: person(),
        fullTime: false,
        concurrentHead: false,
        fromDate: startDate(rng, year - 6, year - 1),
        toDate: null,
      });
    for (let k = rng.int(1, 3); k > 0; k--)
      add({
        unitId: u.id,
        post: "member",
        personKey: person(),
        fullTime: false,
        concurrentHead: false,
        fromDate: startDate(rng, year - 5, year - 1),
        toDate: null,
      });
  }
  return { names, tenures, changedOn };
}

export type SeededOfficers = OfficerPlan & { personIds: number[]; tenureIds: number[] };

/**
 * Inserts the roster of `planOfficers`, then links the seeded inspections and cases whose
 * subject is the secretary to the tenure in post on their date (an inspection's name becomes
 * that secretary's). Runs after the cases and inspections are seeded.
 */
export async function seedOfficers(tx: Tx, tree: DemoUnit[], now: Date): Promise<SeededOfficers> {
  const plan = planOfficers(tree, now);
  const personRows = await tx
    .insert(people)
    .values(plan.names.map((name) => ({ name, createdAt: now })))
    .returning({ id: people.id });
  const personIds = personRows.map((p) => p.id);
  const tenureRows = await tx
    .insert(officers)
    .values(
      plan.tenures.map((t) => ({
        personId: personIds[t.personKey]!,
        unitId: t.unitId,
        post: t.post,
        fullTime: t.fullTime,
        concurrentHead: t.concurrentHead,
        fromDate: t.fromDate,
        toDate: t.toDate,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: officers.id });
  const tenureIds = tenureRows.map((o) => o.id);

  await linkSecretaryTenures(tx);
  await tx.insert(auditLog).values({
    actorId: null,
    action: "seed.officers",
    entity: "system",
    after: { people: personIds.length, officers: tenureIds.length },
  });
  return { ...plan, personIds, tenureIds };
}

/**
 * Links the inspections and cases whose subject is the secretary to the secretary tenure in post
 * on their date (an inspection's person name becomes that secretary's).
 */
export async function linkSecretaryTenures(db: Db | Tx): Promise<void> {
  // The one rule of “the secretary in post on a day” (server/services/officer/secretary.ts).
  await db.execute(sql`update inspections i set officer_id = ${secretaryOnSql(sql`i.unit_id`, sql`i.inspected_on`)}
     where i.subject = 'secretary'`);
  await db.execute(sql`update inspections i set person_name = p.name
      from officers o join people p on p.id = o.person_id
     where i.subject = 'secretary' and o.id = i.officer_id`);
  await db.execute(sql`update cases c set officer_id = ${secretaryOnSql(sql`c.unit_id`, sql`(c.created_at at time zone 'Asia/Shanghai')::date`)}
     where c.subject = 'secretary'`);
}
