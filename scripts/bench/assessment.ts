import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { assessmentCycles } from "~/db/schema";
import { defaultCycleRules } from "~/lib/assessment/rules";
import type { Actor } from "~/server/scope";
import { freezeGrades } from "~/server/services/assessment/freeze";
import { gradeQuota, listGrades } from "~/server/services/assessment/grade-list";
import { staleAnnualScores } from "~/server/services/assessment/grade-store";
import { fmt, summarise, timeRuns, type Stats } from "./stats";

/**
 * The annual assessment at scale (issue #15): `assessment.grades` for a ~1,000-unit subtree of the
 * scale tree while the cycle is rating (worked out live over every graded unit) and once it is
 * publicised (the frozen rows), plus freezing the whole cycle. The year's inputs the scale seed
 * lacks — appraisals, secretaries, secretary inspections, a duty report per unit — are added here
 * with set-based inserts, once.
 */
export async function benchAssessment(
  ctx: { db: Db; actor: Actor },
  year: number,
  opts: { runs: number; warmup: number; log: (line: string) => void },
) {
  const { db } = ctx;
  await ensureInputs(db, year, ctx.actor.id);
  const [subject] = await queryRows<{ id: number; n: number }>(
    db,
    sql`select u.id, (select count(*)::int from units d where d.path like u.path || '%') as n
          from units u where u.depth between 1 and 3 order by abs((select count(*) from units d where d.path like u.path || '%') - 1000), u.id limit 1`,
  );
  const [all] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from units where parent_id is not null and active`);
  const input = { year, unitId: subject!.id };
  const rows: { what: string; stats: Stats; note: string }[] = [];
  opts.log(`assessment: subtree of unit ${subject!.id} (${subject!.n} units) of ${all!.n} graded units …`);
  // The first read after the rows went stale (a rules change, a catalogue change, a new quarter):
  // every graded unit's score recomputed and stored.
  const cold: number[] = [];
  for (let i = 0; i < Math.max(3, Math.min(5, opts.runs)); i++) {
    await staleAnnualScores(db, year, "all");
    const started = performance.now();
    await listGrades(ctx, input);
    cold.push(performance.now() - started);
  }
  rows.push({ what: `grades, rating, first read after all ${all!.n} rows went stale`, stats: summarise(cold), note: "" });
  const count = (await listGrades(ctx, input)).length;
  rows.push({
    what: `grades, rating (stored scores and quota ranking of all ${all!.n} graded units), steady`,
    stats: await timeRuns(() => listGrades(ctx, input), opts),
    note: `${count} rows`,
  });
  // The first read after one input write: one unit's row stale (inside the subtree or out of it, alternately).
  const ids = (await queryRows<{ id: number }>(db, sql`select id from units where parent_id is not null and active order by id`)).map((r) =>
    Number(r.id),
  );
  const pick = (i: number) => ids[(i * 7919) % ids.length]!;
  const afterWrite: number[] = [];
  const writeCost: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    await db.transaction(async (tx) => {
      const started = performance.now();
      await staleAnnualScores(tx, year, [pick(i)]);
      writeCost.push(performance.now() - started);
    });
    const started = performance.now();
    await listGrades(ctx, input);
    afterWrite.push(performance.now() - started);
  }
  rows.push({ what: "grades, rating, first read after one input write (1 row recomputed)", stats: summarise(afterWrite), note: "" });
  rows.push({
    what: "staleAnnualScores in a writer's transaction (1 unit): the write's extra cost",
    stats: summarise(writeCost),
    note: "",
  });
  rows.push({ what: "gradeQuota, rating, steady", stats: await timeRuns(() => gradeQuota(ctx, input), opts), note: "" });
  const t = performance.now();
  const frozen = await db.transaction(async (tx) => {
    const n = await freezeGrades(tx, year, ctx.actor);
    await tx
      .update(assessmentCycles)
      .set({ status: "publicised" })
      .where(sql`year = ${year}`);
    return n;
  });
  const freezeMs = performance.now() - t;
  rows.push({ what: "grades, publicised (frozen rows)", stats: await timeRuns(() => listGrades(ctx, input), opts), note: `${count} rows` });
  return { subject: { unitId: subject!.id, units: subject!.n }, graded: all!.n, rows, freeze: { rows: frozen, ms: freezeMs } };
}

/** The cycle (rating, no quota on 较好) and the inputs of `year` the scale seed does not make, written once. */
async function ensureInputs(db: Db, year: number, adminId: number) {
  await db.delete(assessmentCycles).where(sql`year = ${year}`);
  await db.execute(sql`delete from assessment_grades where year = ${year}`);
  // The inputs below are written straight to the tables, not through the writers that mark stored scores stale.
  await db.execute(sql`delete from assessment_scores where year = ${year}`);
  await db.insert(assessmentCycles).values({ year, status: "rating", rules: defaultCycleRules(year) });
  const [has] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from appraisals where year = ${year}`);
  if (has!.n > 0) return;
  await db.execute(sql`insert into appraisals (year, unit_id, voters, good, fairly_good, average, poor)
    select ${year}, id, 30, 12 + id % 10, 10, 6 - id % 4, 2 from units where parent_id is not null`);
  await db.execute(sql`insert into people (name) select '书记' || id from units where parent_id is not null order by id`);
  await db.execute(sql`insert into officers (person_id, unit_id, post, from_date)
    select p.id, u.id, 'secretary', ${`${year - 2}-01-01`} from units u join people p on p.name = '书记' || u.id where u.parent_id is not null`);
  await db.execute(sql`insert into inspections (unit_id, inspected_on, quarter, subject, inspector_id, result, findings)
    select id, ${`${year}-06-15`}, ${`${year}Q2`}, 'secretary', ${adminId}, case when id % 97 = 0 then 'fail' when id % 7 = 0 then 'basic' else 'pass' end, '检查记录'
      from units where parent_id is not null and id % 5 = 0`);
  await db.execute(sql`insert into duty_reports (year, unit_id, text, status)
    select ${year}, id, '述职报告', 'submitted' from units where parent_id is not null and id % 50 <> 0`);
  await db.execute(sql`analyze appraisals; analyze officers; analyze people; analyze inspections; analyze duty_reports`);
}

export function renderAssessment(r: Awaited<ReturnType<typeof benchAssessment>>): string {
  return [
    `Subtree: unit ${r.subject.unitId} (${r.subject.units} units) of ${r.graded} graded units; freezeGrades of all: ${fmt(r.freeze.ms)} ms (${r.freeze.rows} rows).`,
    "",
    "| query | p50 ms | p95 ms | mean ms | rows |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...r.rows.map((x) => `| ${x.what} | ${fmt(x.stats.p50)} | ${fmt(x.stats.p95)} | ${fmt(x.stats.mean)} | ${x.note} |`),
  ].join("\n");
}
