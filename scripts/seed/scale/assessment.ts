import type { Sql } from "postgres";
import { defaultCycleRules } from "~/lib/assessment/rules";
import type { Db } from "~/db/client";
import { assessmentCycles } from "~/db/schema";
import { ballots, partyStrength } from "~/scripts/seed/assessment";
import { personName } from "~/scripts/seed/minutes-text";
import { beijingYear, linkSecretaryTenures } from "~/scripts/seed/officers";
import { CopySink } from "~/scripts/seed/scale/copy-sink";
import { unitPartyLevel } from "~/scripts/seed/scale/history";
import { makeRng, unitSeed } from "~/scripts/seed/scale/rng";
import type { ScaleUnit } from "~/scripts/seed/scale/tree";

/**
 * The annual assessment at scale, for the benchmarks of grades and the simulator: a secretary
 * (one person, one tenure from years back) for every unit, a 副书记 for about half, the last
 * finished year's cycle (final) with ballots for every graded unit — leaning on the unit's
 * Party-building level as the demo's do — and the current year's cycle (open). People, officers
 * and ballots are streamed with COPY; the secretary's cases are linked to their tenure.
 * Grades are not written: the benchmark freezes them (freezeGrades) where it needs them.
 */
export async function seedScaleAssessment(
  sql: Sql,
  db: Db,
  tree: readonly ScaleUnit[],
  now: Date,
  reviewerId: number,
): Promise<{ people: number; officers: number; appraisals: number }> {
  const currentYear = beijingYear(now);
  const lastYear = currentYear - 1;
  const cap = (d: Date) => (d.getTime() > now.getTime() ? new Date(now.getTime()) : d);
  const peopleSink = await CopySink.open(sql, "people", ["id", "name", "created_at"]);
  const officerSink = await CopySink.open(sql, "officers", [
    "id",
    "person_id",
    "unit_id",
    "post",
    "full_time",
    "concurrent_head",
    "from_date",
    "created_at",
    "updated_at",
  ]);
  const ballotSink = await CopySink.open(sql, "appraisals", [
    "year",
    "unit_id",
    "voters",
    "good",
    "fairly_good",
    "average",
    "poor",
    "updated_at",
    "updated_by",
  ]);
  const created = now.toISOString();
  let personId = 0;
  const tenure = async (
    u: ScaleUnit,
    post: "secretary" | "deputy_secretary",
    fullTime: boolean,
    head: boolean,
    from: string,
    name: string,
  ) => {
    const id = ++personId;
    await peopleSink.push([id, name, created]);
    await officerSink.push([id, id, u.id, post, fullTime, head, from, created, created]);
  };
  for (const u of tree) {
    const rng = makeRng(unitSeed(u.id, 0x0ff1));
    const since = `${lastYear - rng.int(1, 8)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
    await tenure(u, "secretary", u.fullTimeStaff, u.secretaryIsHead, since, personName(rng.pick));
    if (u.memberCount >= 7 && rng.chance(0.5)) await tenure(u, "deputy_secretary", false, false, since, personName(rng.pick));
    if (u.parentId === null) continue; // the root is not graded
    const b = ballots(u, partyStrength(unitPartyLevel(u) * 100 + rng.normal(4)), rng, lastYear, cap, reviewerId);
    await ballotSink.push([b.year, b.unitId, b.voters, b.good, b.fairlyGood, b.average, b.poor, b.updatedAt.toISOString(), b.updatedBy]);
  }
  const counts = { people: await peopleSink.close(), officers: await officerSink.close(), appraisals: await ballotSink.close() };
  for (const t of ["people", "officers"]) await sql`select setval(pg_get_serial_sequence(${t}, 'id'), ${Math.max(1, personId)})`;

  const finalised = cap(new Date(`${currentYear}-02-10T16:00:00+08:00`));
  await db.insert(assessmentCycles).values([
    {
      year: lastYear,
      status: "final",
      rules: { ...defaultCycleRules(lastYear), publicityFrom: `${currentYear}-02-01`, publicityTo: `${currentYear}-02-07` },
      partyWeight: 0.3,
      openedAt: new Date(`${lastYear}-11-01T10:00:00+08:00`),
      openedBy: reviewerId,
      updatedAt: finalised,
      updatedBy: reviewerId,
      finalisedAt: finalised,
    },
    {
      year: currentYear,
      status: "open",
      rules: defaultCycleRules(currentYear),
      partyWeight: 0.3,
      openedBy: reviewerId,
      updatedBy: reviewerId,
    },
  ]);
  await linkSecretaryTenures(db);
  return counts;
}
