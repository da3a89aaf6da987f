/**
 * `npx tsx --import ./server/lib/plain-node.mjs scripts/bench/simulate.ts [units]`: the Party-building
 * weight simulator (assessment.simulate) and the annual dashboards' reads on the scale tree
 * (scripts/seed/scale/tree.ts, default 10,000 units) with two years of approved quarterly scores,
 * for a subtree of about 1,000 graded units — in an in-memory PGlite or DATABASE_URL's PostgreSQL
 * (whose tree must be empty). Median of 15 calls each, server time (the service, no HTTP). See
 * docs/performance.md "Annual assessment".
 */
import { sql } from "drizzle-orm";
import { queryRows } from "~/db/client";
import { assessmentCycles, units } from "~/db/schema";
import { defaultCycleRules } from "~/lib/assessment/rules";
import type { Actor } from "~/server/scope";
import { gradeChanges } from "~/server/services/assessment/annual-dashboard-changes";
import { gradeDistribution } from "~/server/services/assessment/annual-dashboard-distribution";
import { gradeQuadrant } from "~/server/services/assessment/annual-dashboard-quadrant";
import { simulatePartyWeight, simulatorSetup } from "~/server/services/assessment/simulate";
import { loadYearScores } from "~/server/services/assessment/year-scores";
import { simulateWeights } from "~/lib/assessment/simulate";
import { inSubtreeSql } from "~/server/scope";
import { fifteenCalls, openScaleTreeDb } from "./scale-db";

const total = Number(process.argv[2] ?? 10_000);
const year = 2025;
const { handle, db, tree } = await openScaleTreeDb(total);
// The scale tree's departments hold 250 units each: four of them go under one 片区 (a subtree of ~1,000 units).
const depts = tree.filter((u) => u.depth === 1).slice(0, 4);
const zone = { id: 1_000_000, path: "/1/1000000/" };
await db.insert(units).values({ id: zone.id, parentId: 1, name: "片区工委", type: "committee", path: zone.path, depth: 1 });
for (const d of depts) {
  await db.execute(sql`update units set path = ${zone.path} || substr(path, 4), depth = depth + 1 where path like ${`${d.path}%`}`);
  await db.execute(sql`update units set parent_id = ${zone.id} where id = ${d.id}`);
}
// Two years of scores (8 quarters × composite, business and one category) for 19 of 20 units, approved.
const quarters = [year - 1, year].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}Q${q}`));
await db.execute(sql`
  insert into unit_scores (unit_id, quarter, series, region_id, status, score)
  select u.id, q, s, coalesce(nullif(split_part(u.path, '/', 3), '')::int, u.id), 'approved', 55 + random() * 45
    from units u, unnest(${`{${quarters.join(",")}}`}::text[]) q, unnest(array['composite', 'business', 'leadership']) s
   where u.id % 20 <> 0`);
await db.insert(assessmentCycles).values({ year, status: "final", rules: defaultCycleRules(year) });
await db.execute(sql`
  insert into assessment_grades (year, unit_id, computed, score)
  select ${year}, u.id, (array['good','fairly_good','average','poor'])[1 + u.id % 4], 80 from units u where u.parent_id is not null`);
await db.execute(sql`
  insert into assessment_grades (year, unit_id, computed, score)
  select ${year - 1}, u.id, (array['good','fairly_good','average','poor'])[1 + (u.id / 3) % 4], 80 from units u where u.parent_id is not null`);
await db.execute(sql`analyze`);

const [sub] = await queryRows<{ id: number; path: string; n: number }>(
  db,
  sql`select ${zone.id} as id, ${zone.path} as path, (select count(*) from units u where u.path like ${`${zone.path}%`})::int as n`,
);
const admin: Actor = { id: 1, username: "bench", displayName: "bench", role: "admin", unitId: 1, unitPath: "/1/" };
const leader: Actor = { ...admin, role: "leader", unitId: Number(sub!.id), unitPath: sub!.path };
const ctx = (actor: Actor) => ({ db, actor });

async function median(label: string, run: () => unknown) {
  const { times, last: r } = await fifteenCalls(run);
  const size = Array.isArray(r) ? r.length : ((r as { points?: unknown[] }).points?.length ?? 1);
  console.log(`| ${label} | ${times[7]!.toFixed(1)} ms | ${times[14]!.toFixed(1)} ms | ${size} |`);
}

console.log(`annual assessment on ${tree.length} units (${handle.driver}); subtree of ${sub!.n} units\n`);
console.log("| call | median | max | rows |\n|---|---|---|---|");
const input = { year, unitId: Number(sub!.id) };
await median("assessment.simulate (leader, ~1,000 units, w = 50 %)", () =>
  simulatePartyWeight(ctx(leader), { ...input, partyWeight: 0.5 }),
);
await median("  of which loadYearScores (the subtree's year means)", () =>
  loadYearScores(db, year, sql`${inSubtreeSql("u", { path: sub!.path })} and u.parent_id is not null and u.active`),
);
const scored = [...(await loadYearScores(db, year, inSubtreeSql("u", { path: sub!.path }))).values()]
  .filter((y) => y.party !== null && y.business !== null)
  .map((y) => ({ unitId: y.unitId, business: y.business!, party: y.party! }));
await median("  of which simulateWeights (pure ranking and bands, in JS)", () =>
  simulateWeights(scored, 0.3, 0.5, defaultCycleRules(year)),
);
await median("assessment.simulatorSetup (leader, ~1,000 units)", () => simulatorSetup(ctx(leader), input));
await median("assessment.simulate (admin, whole tree)", () => simulatePartyWeight(ctx(admin), { year, unitId: 1, partyWeight: 0.5 }));
await median("assessment.gradeDistribution (leader, ~1,000 units)", () => gradeDistribution(ctx(leader), input));
await median("assessment.gradeChanges (leader, ~1,000 units)", () => gradeChanges(ctx(leader), input));
await median("assessment.gradeQuadrant (leader, ~1,000 units)", () => gradeQuadrant(ctx(leader), input));
await handle.close();
