import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { simulateWeights, type SimRow } from "~/lib/assessment/simulate";
import { m } from "~/lib/server-message";
import { isBusinessOverParty, quadrantThresholds } from "~/lib/scoring/quadrant-cutoff";
import { forbidden } from "~/server/errors";
import { assertUnitInScope, readsOnlyOwnUnit, type Actor } from "~/server/scope";
import { getSetting } from "~/server/services/settings/get";
import { loadCycle, type CycleSetting } from "./cycle-load";
import { gradedUnitsSql } from "./simulate-cycle";
import type { SimulateInput, YearUnitInput } from "./simulate-schemas";
import { loadYearScores } from "./year-scores";

export type SimulatedUnit = SimRow & { name: string; businessOverParty: boolean };

/**
 * The subtree's graded units split by whether the year has both means (business and Party
 * building, loadYearScores): those are simulated, the others listed apart (无数据). Staff are
 * refused: a one-unit simulation says nothing.
 */
async function subtreeYear(db: Db, actor: Actor, input: YearUnitInput) {
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  if (readsOnlyOwnUnit(actor)) throw forbidden(m("simulate.staffCannotSimulate"));
  const graded = gradedUnitsSql(root);
  const cycle = await loadCycle(db, input.year, { orDefaults: true });
  const scores = await loadYearScores(db, input.year, graded);
  const names = await queryRows<{ id: number; name: string }>(db, sql`select u.id, u.name from units u where ${graded}`);
  const scored: { unitId: number; name: string; business: number; party: number }[] = [];
  const noData: { unitId: number; name: string }[] = [];
  for (const u of names) {
    const s = scores.get(Number(u.id));
    if (s?.business != null && s.party != null) scored.push({ unitId: Number(u.id), name: u.name, business: s.business, party: s.party });
    else noData.push({ unitId: Number(u.id), name: u.name });
  }
  return { root, cycle, scored, noData };
}

/**
 * `assessment.simulate`: each graded unit of the subtree with both year means, at the year's
 * adopted Party-building weight (now) and at `partyWeight` (at) — combined scores, ranks 1..n
 * and grade bands (lib/assessment/simulate.ts), in the order of the chosen weight's ranks.
 */
export async function simulatePartyWeight({ db, actor }: { db: Db; actor: Actor }, input: SimulateInput): Promise<SimulatedUnit[]> {
  const { cycle, scored } = await subtreeYear(db, actor, input);
  const names = new Map(scored.map((u) => [u.unitId, u.name]));
  const lines = quadrantThresholds(scored, await getSetting(db, "quadrantCutoff"));
  return simulateWeights(
    scored.map(({ unitId, business, party }) => ({ unitId, business, party })),
    cycle.partyWeight,
    input.partyWeight,
    cycle.rules,
  ).map((r) => ({ ...r, name: names.get(r.unitId)!, businessOverParty: isBusinessOverParty(r, lines) }));
}

/**
 * `assessment.simulatorSetup`: what the simulator page needs around the ranks — the year's
 * adopted weight and cycle version (for 采用此权重), the quotas and thresholds the bands follow,
 * the units without data, and whether the caller may adopt a weight.
 */
export async function simulatorSetup({ db, actor }: { db: Db; actor: Actor }, input: YearUnitInput) {
  const { root, cycle, scored, noData } = await subtreeYear(db, actor, input);
  return {
    year: input.year,
    unitId: root.id,
    unitName: root.name,
    cycle: cycleView(cycle),
    ranked: scored.length,
    noData: noData.sort((a, b) => a.name.localeCompare(b.name, "zh-CN") || a.unitId - b.unitId),
  };
}

const cycleView = (c: CycleSetting) => ({
  exists: c.exists,
  status: c.status,
  partyWeight: c.partyWeight,
  version: c.version,
  quotas: { good: c.rules.quotas.good, fairlyGood: c.rules.quotas.fairlyGood ?? null },
  thresholds: c.rules.thresholds,
});
