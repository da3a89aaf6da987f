import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "~/db/client";
import { assessmentCycles, auditLog, units, type Unit } from "~/db/schema";
import { defaultCycleRules } from "~/lib/assessment/rules";
import { bandAtRank } from "~/lib/assessment/simulate";
import { callerFor, createActor } from "../factories";
import { useDemoDb, type Caller } from "./test-db";
import { outcomeOf, trpcError } from "./trpc-expect";

/**
 * The Party-building weight simulator on the demo: its ranks equal a naive recomputation from the
 * reports' scores, it reaches only the caller's subtree, staff are refused, and adopting a weight
 * is the admin's, version-checked, audited and refused for a final year.
 */
describe("assessment.simulate", () => {
  const t = useDemoDb(new Date("2026-12-06T04:00:00Z"));
  let admin: Caller;
  let leader: Caller;
  let staff: Caller;
  let root: Unit;
  let leaderUnit: Unit;
  let outside: Unit;

  beforeAll(async () => {
    const [r] = await t.db
      .select()
      .from(units)
      .where(sql`${units.parentId} is null`)
      .limit(1);
    root = r!;
    // A leader of one branch below the root (the demo's own leader sits at the root).
    const [lu] = await t.db
      .select()
      .from(units)
      .where(sql`${units.parentId} = ${root.id} and exists (select 1 from units k where k.parent_id = ${units.id})`)
      .orderBy(units.id)
      .limit(1);
    leaderUnit = lu!;
    const [o] = await t.db
      .select()
      .from(units)
      .where(sql`${units.path} not like ${`${leaderUnit.path}%`} and ${units.parentId} is not null`)
      .limit(1);
    outside = o!;
    const [leafUnit] = await t.db
      .select()
      .from(units)
      .where(sql`${units.path} like ${`${leaderUnit.path}_%`}`)
      .limit(1);
    admin = callerFor(t.db, await createActor(t.db, "admin", root));
    leader = callerFor(t.db, await createActor(t.db, "leader", leaderUnit));
    staff = callerFor(t.db, await createActor(t.db, "staff", leafUnit!));
    await t.db
      .insert(assessmentCycles)
      .values({ year: 2025, status: "final", rules: defaultCycleRules(2025), partyWeight: 0.3 })
      .onConflictDoNothing();
    await t.db
      .insert(assessmentCycles)
      .values({ year: 2026, status: "open", rules: defaultCycleRules(2026) })
      .onConflictDoNothing();
  });

  /** Year means straight from the approved reports' scores, ranked in plain JavaScript. */
  async function naive(rootUnit: Unit, year: number, w: number) {
    const rows = await queryRows<{ id: number; party: number; business: number }>(
      t.db,
      sql`select u.id,
                 avg(s.score) filter (where s.series = 'composite') as party,
                 avg(s.score) filter (where s.series = 'business') as business
            from units u join unit_scores s on s.unit_id = u.id
           where u.path like ${`${rootUnit.path}%`} and u.parent_id is not null and u.active
             and s.quarter like ${`${year}Q%`} and s.status = 'approved'
           group by u.id`,
    );
    const [cycle] = await t.db.select().from(assessmentCycles).where(eq(assessmentCycles.year, year));
    const now = cycle?.partyWeight ?? 0.3;
    const both = rows
      .filter((r) => r.party !== null && r.business !== null)
      .map((r) => ({ id: Number(r.id), p: Number(r.party), b: Number(r.business) }));
    const rank = (weight: number) =>
      new Map(
        [...both]
          .sort((x, y) => weight * y.p + (1 - weight) * y.b - (weight * x.p + (1 - weight) * x.b) || x.id - y.id)
          .map((u, i) => [u.id, i + 1]),
      );
    return { both, now, rankNow: rank(now), rankAt: rank(w) };
  }

  it("equals a naive recomputation for the whole tree", async () => {
    const rows = await admin.assessment.simulate({ year: 2025, unitId: root.id, partyWeight: 0.6 });
    const expected = await naive(root, 2025, 0.6);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBe(expected.both.length);
    const rules = defaultCycleRules(2025);
    for (const r of rows) {
      const u = expected.both.find((x) => x.id === r.unitId)!;
      expect(r.party).toBeCloseTo(u.p, 6);
      expect(r.business).toBeCloseTo(u.b, 6);
      expect(r.combinedAt).toBeCloseTo(0.6 * u.p + 0.4 * u.b, 6);
      expect(r.combinedNow).toBeCloseTo(expected.now * u.p + (1 - expected.now) * u.b, 6);
      expect(r.rankNow).toBe(expected.rankNow.get(r.unitId));
      expect(r.rankAt).toBe(expected.rankAt.get(r.unitId));
      expect(r.bandAt).toBe(bandAtRank(r.rankAt, rows.length, r.combinedAt, rules));
    }
    expect(rows.map((r) => r.rankAt)).toEqual(rows.map((_, i) => i + 1));
  });

  it("lists the units without both year means apart, and names the adopted weight and version", async () => {
    const setup = await admin.assessment.simulatorSetup({ year: 2025, unitId: root.id });
    const rows = await admin.assessment.simulate({ year: 2025, unitId: root.id, partyWeight: 0.3 });
    const graded = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from units where parent_id is not null and active`);
    expect(setup.ranked).toBe(rows.length);
    expect(setup.ranked + setup.noData.length).toBe(Number(graded[0]!.n));
    expect(setup.cycle).toMatchObject({ exists: true, status: "final" });
    expect(setup.cycle.partyWeight).toBeGreaterThanOrEqual(0);
  });

  it("reaches only the leader's subtree: own and below, never a parent or another branch", async () => {
    const rows = await leader.assessment.simulate({ year: 2025, unitId: leaderUnit.id, partyWeight: 0.5 });
    const expected = await naive(leaderUnit, 2025, 0.5);
    expect(rows.map((r) => r.unitId).sort((a, b) => a - b)).toEqual(expected.both.map((u) => u.id).sort((a, b) => a - b));
    expect(await outcomeOf(leader.assessment.simulate({ year: 2025, unitId: root.id, partyWeight: 0.5 }))).toBe("FORBIDDEN");
    expect(await outcomeOf(leader.assessment.simulate({ year: 2025, unitId: outside.id, partyWeight: 0.5 }))).toBe("FORBIDDEN");
  });

  it("refuses staff with a message saying why", async () => {
    const err = await trpcError(staff.assessment.simulate({ year: 2025, unitId: (await staffUnit()).id, partyWeight: 0.5 }));
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toContain("填报员");
  });

  async function staffUnit() {
    const [u] = await t.db
      .select()
      .from(units)
      .where(sql`${units.path} like ${`${leaderUnit.path}_%`}`)
      .limit(1);
    return u!;
  }

  it("refuses a weight outside 0–100 % naming the field", async () => {
    const err = await trpcError(admin.assessment.simulate({ year: 2025, unitId: root.id, partyWeight: 1.5 }));
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toContain("党建权重");
  });

  describe("adoptPartyWeight", () => {
    it("saves the weight for an open year, version-checked and audited", async () => {
      const [before] = await t.db.select().from(assessmentCycles).where(eq(assessmentCycles.year, 2026));
      const stale = await trpcError(admin.assessment.adoptPartyWeight({ year: 2026, partyWeight: 0.45, version: before!.version - 1 }));
      expect(stale.code).toBe("CONFLICT");
      const saved = await admin.assessment.adoptPartyWeight({ year: 2026, partyWeight: 0.45, version: before!.version });
      expect(saved).toEqual({ year: 2026, partyWeight: 0.45, version: before!.version + 1 });
      const [audit] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "assessment.adoptPartyWeight"), eq(auditLog.entityId, "2026")));
      expect(audit?.before).toEqual({ partyWeight: before!.partyWeight });
      expect(audit?.after).toEqual({ partyWeight: 0.45 });
      const rows = await admin.assessment.simulate({ year: 2026, unitId: root.id, partyWeight: 0.45 });
      for (const r of rows) expect(r.rankAt).toBe(r.rankNow);
    });

    it("refuses a final year, a year without a cycle, and anyone but an admin", async () => {
      const [final] = await t.db.select().from(assessmentCycles).where(eq(assessmentCycles.year, 2025));
      const err = await trpcError(admin.assessment.adoptPartyWeight({ year: 2025, partyWeight: 0.5, version: final!.version }));
      expect(err.code).toBe("PRECONDITION_FAILED");
      expect(err.message).toContain("已定级");
      expect(await outcomeOf(admin.assessment.adoptPartyWeight({ year: 2040, partyWeight: 0.5, version: 1 }))).toBe("NOT_FOUND");
      const [open] = await t.db.select().from(assessmentCycles).where(eq(assessmentCycles.year, 2026));
      expect(await outcomeOf(leader.assessment.adoptPartyWeight({ year: 2026, partyWeight: 0.5, version: open!.version }))).toBe(
        "FORBIDDEN",
      );
      const [unchanged] = await t.db.select().from(assessmentCycles).where(eq(assessmentCycles.year, 2025));
      expect(unchanged!.version).toBe(final!.version);
    });
  });
});
