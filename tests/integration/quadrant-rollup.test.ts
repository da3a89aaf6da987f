import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "~/db/client";
import { units, users } from "~/db/schema";
import { binPoints, type QuadrantBinning } from "~/lib/scoring/quadrant-bins";
import type { QuadrantCutoff } from "~/lib/scoring/quadrant-cutoff";
import { loadActor } from "~/server/auth/load-actor";
import type { Actor } from "~/server/scope";
import { childUnits } from "~/server/services/dashboard/children";
import { splitQuadrant } from "~/server/services/dashboard/quadrant-points";
import { unitsQuadrant } from "~/server/services/dashboard/quadrant-units";
import { rebuildQuadrantRollup } from "~/server/services/rollup/quadrant";
import { callerFor, createActor } from "../factories";
import { useDemoDb } from "./test-db";

/**
 * The quadrant rollup (server/services/rollup/quadrant.ts, issue 16): at every tree root and
 * region, in every quarter, both inclusions and both kinds of dividing line, the binned quadrant
 * read from the rollup equals the live statement's exactly (cells, mean lines, flagged list and
 * total) and the points' own split; the rollup tables equal a rebuild from scratch — on the demo
 * data and after every kind of write, each through the app's own procedure.
 */
const t = useDemoDb(new Date("2026-12-06T04:00:00Z"));
let admin: ReturnType<typeof callerFor>;
let reviewer: ReturnType<typeof callerFor>;

/** Binned from the first unit on, a short and a long flagged list. */
const binnings: QuadrantBinning[] = [
  { binAbove: 0, cell: 2, flaggedLimit: 3 },
  { binAbove: 0, cell: 2, flaggedLimit: 100_000 },
];
const cutoffs: QuadrantCutoff[] = [{ mode: "mean" }, { mode: "fixed", business: 70, party: 60 }];

type UnitRow = { id: number; path: string; depth: number };

/** Every quadrant a tree root or region shows: rollup vs live, and the live one against its own points. */
async function quadrantDifferences(db: Db): Promise<string[]> {
  const out: string[] = [];
  const roots = await queryRows<UnitRow>(db, sql`select id, path, depth from units where depth <= 1 order by id`);
  const quarters = (await queryRows<{ q: string }>(db, sql`select distinct quarter as q from unit_scores order by 1`)).map((r) => r.q);
  let binned = 0;
  for (const root of roots) {
    const children = (await childUnits(db, root.id)).map((c) => c.id);
    for (const quarter of quarters) {
      for (const include of ["approved", "submitted"] as const) {
        for (const cutoff of cutoffs) {
          const opts = { root, children, quarter, include, cutoff };
          const points = await unitsQuadrant(db, { ...opts, binning: { binAbove: 1e9, cell: 2, flaggedLimit: 0 }, live: true });
          for (const binning of binnings) {
            const live = await unitsQuadrant(db, { ...opts, binning, live: true });
            const rollup = await unitsQuadrant(db, { ...opts, binning });
            const where = `unit ${root.id} ${quarter} ${include} ${cutoff.mode} limit ${binning.flaggedLimit}`;
            if (JSON.stringify(rollup) !== JSON.stringify(live))
              out.push(`${where}: rollup ${JSON.stringify(rollup)} live ${JSON.stringify(live)}`);
            if (!live.binned || points.binned) continue;
            binned++;
            // The live statement itself against the points it bins (the service before the rollup).
            const split = splitQuadrant(points.points, cutoff);
            const near = (a: number | null, b: number | null) => (a === null ? b === null : b !== null && Math.abs(a - b) < 1e-9);
            if (
              JSON.stringify(live.bins) !== JSON.stringify(binPoints(points.points, 2)) ||
              live.total !== points.points.length ||
              !near(live.thresholds.business, split.thresholds.business) ||
              !near(live.thresholds.party, split.thresholds.party) ||
              live.flaggedTotal !== split.flagged.length ||
              JSON.stringify(live.flagged) !== JSON.stringify(split.flagged.slice(0, binning.flaggedLimit))
            )
              out.push(`${where}: live ${JSON.stringify(live)} against its points' split ${JSON.stringify(split)}`);
          }
        }
      }
    }
  }
  if (binned === 0) out.push("no binned quadrant was compared");
  return out;
}

const snapshot = async (db: Db) => ({
  facts: await queryRows(db, sql`select unit_id, quarter, region_id, status, business, party, gap from unit_quadrant order by 1, 2`),
  cells: await queryRows(
    db,
    sql`select root_unit_id, quarter, business, party, approved_count, approved_business::text, approved_party::text,
               submitted_count, submitted_business::text, submitted_party::text
        from subtree_quadrant_cells order by 1, 2, 3, 4`,
  ),
});

/** The rollup tables against a rebuild from the facts, in a transaction rolled back. */
async function rebuildDifferences(db: Db): Promise<string[]> {
  const kept = await snapshot(db);
  let rebuilt: Awaited<ReturnType<typeof snapshot>> | null = null;
  await db
    .transaction(async (tx) => {
      await rebuildQuadrantRollup(tx);
      rebuilt = await snapshot(tx as unknown as Db);
      tx.rollback();
    })
    .catch((e: unknown) => {
      if (!rebuilt) throw e;
    });
  const out: string[] = [];
  if (JSON.stringify(kept.facts) !== JSON.stringify(rebuilt!.facts)) out.push("unit_quadrant differs from a rebuild");
  if (JSON.stringify(kept.cells) !== JSON.stringify(rebuilt!.cells)) out.push("subtree_quadrant_cells differs from a rebuild");
  return out;
}

async function expectRollupRight() {
  expect(await rebuildDifferences(t.db)).toEqual([]);
  expect(await quadrantDifferences(t.db)).toEqual([]);
}

/** A report of a unit below a region (it counts at its region and its tree root) in a status, with both scores. */
async function reportIn(status: string, not: number[] = [], type?: string) {
  const [row] = await queryRows<{ unit_id: number; quarter: string }>(
    t.db,
    sql`select r.unit_id, r.quarter from reports r join units u on u.id = r.unit_id
        where r.status = ${status} and u.depth >= 2 and r.business_score is not null and ${type ? sql`u.type = ${type}` : sql`true`}
          and r.unit_id not in (${sql.join(
            [0, ...not].map((id) => sql`${id}::int`),
            sql`, `,
          )})
        order by r.quarter desc, r.unit_id limit 1`,
  );
  expect(row, `a ${status} report`).toBeDefined();
  return { unitId: Number(row!.unit_id), quarter: row!.quarter };
}

async function staffOf(unitId: number) {
  const [unit] = await t.db.select().from(units).where(eq(units.id, unitId));
  return callerFor(t.db, await createActor(t.db, "staff", unit!));
}

beforeAll(async () => {
  const [a] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, "admin"));
  const adminActor: Actor = (await loadActor(t.db, a!.id))!;
  admin = callerFor(t.db, adminActor);
  const [root] = await t.db.select().from(units).where(eq(units.depth, 0));
  reviewer = callerFor(t.db, await createActor(t.db, "reviewer", root!));
});

describe("quadrant rollup", () => {
  it("equals the live quadrant and a rebuild on the demo data", async () => {
    const [n] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from subtree_quadrant_cells`);
    expect(n!.n).toBeGreaterThan(0);
    await expectRollupRight();
  });

  it("stays right after an approval, a return and a re-approval with new values", async () => {
    const approve = await reportIn("submitted");
    await reviewer.report.approve(approve);
    await expectRollupRight();

    const back = await reportIn("submitted", [approve.unitId]);
    await reviewer.report.return({ ...back, reason: "请补充材料" });
    await expectRollupRight();

    // An approved report reopened, saved with other scores (another cell), submitted and approved again.
    const again = await reportIn("approved", [approve.unitId, back.unitId]);
    await admin.report.reopen({ ...again, reason: "更正分数" });
    const staff = await staffOf(again.unitId);
    const current = await staff.report.get(again);
    const business = Number(current.businessScore) >= 50 ? 12.5 : 97.5;
    const saved = await staff.report.save({
      ...again,
      version: current.version,
      businessScore: business,
      values: current.values.map((v) => ({ indicatorCode: v.indicatorCode, value: v.value })),
    });
    await staff.report.submit({ ...again, version: saved.version });
    await expectRollupRight(); // submitted: counts in the submitted variant only
    await reviewer.report.approve(again);
    const [row] = await queryRows<{ business: number }>(
      t.db,
      sql`select business from unit_quadrant where unit_id = ${again.unitId} and quarter = ${again.quarter}`,
    );
    expect(Number(row!.business)).toBe(business);
    await expectRollupRight();
  });

  it("stays right after a unit moves to another region, a region moves below another, and a unit is deactivated", async () => {
    // A unit with scores, below a region, moved under a 党委/党总支 of another region.
    const { unitId } = await reportIn("approved", [], "branch");
    const [from] = await queryRows<{ region: number }>(
      t.db,
      sql`select split_part(path, '/', 3)::int as region from units where id = ${unitId}`,
    );
    const [target] = await queryRows<{ id: number }>(
      t.db,
      sql`select id from units where type in ('committee', 'general_branch') and active and depth >= 1
            and split_part(path, '/', 3)::int <> ${from!.region} order by depth desc, id limit 1`,
    );
    await admin.unit.move({ id: unitId, parentId: target!.id });
    await expectRollupRight();

    // A whole region (depth 1, with scored units below) moved below another region: it stops being one.
    const [region] = await queryRows<{ id: number; parent: number }>(
      t.db,
      sql`select u.id, u.parent_id as parent from units u
          where u.depth = 1 and u.type = 'committee'
            and exists (select 1 from unit_quadrant q where q.region_id = u.id and q.unit_id <> u.id)
          order by u.id limit 1`,
    );
    const [other] = await queryRows<{ id: number }>(
      t.db,
      sql`select id from units where depth = 1 and type = 'committee' and active and id <> ${region!.id} order by id limit 1`,
    );
    const moved = await admin.unit.move({ id: region!.id, parentId: other!.id });
    expect(moved.depth).toBe(2);
    await expectRollupRight();
    // … and back: a region again.
    await admin.unit.move({ id: region!.id, parentId: region!.parent });
    await expectRollupRight();

    const [unit] = await t.db.select().from(units).where(eq(units.id, unitId));
    await admin.unit.setActive({ id: unit!.id, active: false });
    await expectRollupRight();
  });

  it("draws a subtree one unit at a time up to the threshold and binned above it, on either side of a write", async () => {
    const [root] = await t.db.select().from(units).where(eq(units.depth, 0));
    const children = (await childUnits(t.db, root!.id)).map((c) => c.id);
    const [q] = await queryRows<{ q: string }>(t.db, sql`select max(quarter) as q from unit_quadrant where status = 'approved'`);
    const opts = { root: root!, children, quarter: q!.q, include: "approved" as const, cutoff: { mode: "mean" as const } };
    const live = await unitsQuadrant(t.db, { ...opts, binning: { binAbove: 1e9, cell: 2, flaggedLimit: 5 }, live: true });
    const n = live.total;
    expect(n).toBeGreaterThan(2);
    // binAbove = n: not binned (every point, read live); n - 1: binned, from the rollup.
    const at = await unitsQuadrant(t.db, { ...opts, binning: { binAbove: n, cell: 2, flaggedLimit: 5 } });
    expect(at).toEqual(live);
    const above = await unitsQuadrant(t.db, { ...opts, binning: { binAbove: n - 1, cell: 2, flaggedLimit: 5 } });
    expect(above.binned).toBe(true);
    expect(above).toEqual(await unitsQuadrant(t.db, { ...opts, binning: { binAbove: n - 1, cell: 2, flaggedLimit: 5 }, live: true }));
    // One more approved unit crosses it.
    const next = await queryRows<{ unit_id: number }>(
      t.db,
      sql`select unit_id from unit_quadrant where quarter = ${q!.q} and status = 'submitted' order by unit_id limit 1`,
    );
    if (next[0]) {
      await reviewer.report.approve({ unitId: Number(next[0].unit_id), quarter: q!.q });
      const crossed = await unitsQuadrant(t.db, { ...opts, binning: { binAbove: n, cell: 2, flaggedLimit: 5 } });
      expect(crossed.binned).toBe(true);
      expect(crossed.total).toBe(n + 1);
      expect(crossed).toEqual(await unitsQuadrant(t.db, { ...opts, binning: { binAbove: n, cell: 2, flaggedLimit: 5 }, live: true }));
    }
  });
});
