import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "~/db/client";
import { binOf, quadrantBinning } from "~/lib/scoring/quadrant-bins";
import { binSql } from "~/lib/scoring/quadrant-bins-sql";
import { countedStatusSql } from "~/lib/status-sql";
import { pathIds } from "~/lib/unit-hierarchy";
import { inSubtreeSql } from "~/server/scope";
import { regionOf } from "./facts";
import { lockRollups, quarterIn } from "./subtree-sql";

/**
 * The quadrant rollup (issue 16): `unit_quadrant` (db/schema/unit-quadrant.ts), each unit's two
 * quadrant scores of a quarter in one row, and `subtree_quadrant_cells`
 * (db/schema/subtree-quadrant-cells.ts), the units below each tree root and region counted per
 * cell of the grid with their exact sums. Kept in the transaction that writes the facts
 * (`unit_scores`), under the same rollup lock: a report's refresh, a unit's move, a rebuild.
 * A cell's row is recomputed from `unit_quadrant` — the units below the root in that cell, one
 * index range of scores — never adjusted by a delta.
 */

/** The grid the rollup keeps (the chart's; a read with another cell size is computed live). */
export const quadrantRollupCell = quadrantBinning.cell;
/** Units down to this depth keep cells: the tree roots (0) and the regions (1), read by region. */
export const quadrantRollupMaxDepth = 1;

type Cell = { business: number; party: number };

/** The quadrant facts of the composite facts matched by `filter` (on `c`), after the caller deleted the old ones. */
async function insertQuadrantFacts(db: Db | Tx, filter: SQL): Promise<void> {
  // One report gives both facts of a unit and quarter, so they share its status.
  await db.execute(sql`
    insert into unit_quadrant (unit_id, quarter, region_id, status, business, party)
    select c.unit_id, c.quarter, c.region_id, c.status, b.score, c.score
    from unit_scores c
    join unit_scores b on b.unit_id = c.unit_id and b.quarter = c.quarter and b.series = 'business'
    where c.series = 'composite' and (${filter})`);
}

/** `column` within the scores of one edge of the grid (the lowest and highest cells also hold what lies beyond). */
function inCellSql(column: SQL, edge: number): SQL {
  const c = quadrantRollupCell;
  const lo = edge > 0 ? sql` and ${column} >= ${edge}::float8` : sql``;
  const hi = edge < 100 - c ? sql` and ${column} < ${edge + c}::float8` : sql``;
  // The range lets the index find the units; the bin itself is the rule (quadrant-bins-sql.ts).
  return sql`(${binSql(column, c)} = ${edge}::float8${lo}${hi})`;
}

/** The cells `cells` as a condition on the quadrant facts `q`. */
function cellsOfFactsSql(cells: readonly Cell[]): SQL {
  return sql`(${sql.join(
    cells.map((k) => sql`(${inCellSql(sql`q.business`, k.business)} and ${inCellSql(sql`q.party`, k.party)})`),
    sql` or `,
  )})`;
}

const idList = (ids: readonly number[]) =>
  sql.join(
    ids.map((id) => sql`${id}::int`),
    sql`, `,
  );

/**
 * Recomputes the cell rows of the roots `rootIds` for some quarters (null: all) and cells
 * (null: all) from the quadrant facts. A root keeps rows only while it is a tree root or a
 * region: a unit below the regions gets none (its old ones are deleted).
 */
export async function recomputeQuadrantCells(
  db: Db | Tx,
  rootIds: readonly number[] | null,
  quarters: readonly string[] | null,
  cells: readonly Cell[] | null,
): Promise<void> {
  if ((rootIds && rootIds.length === 0) || (cells && cells.length === 0)) return;
  const roots = rootIds ? sql`root_unit_id in (${idList(rootIds)})` : sql`true`;
  const rowCells = cells
    ? sql`(${sql.join(
        cells.map((k) => sql`(business = ${k.business}::float8 and party = ${k.party}::float8)`),
        sql` or `,
      )})`
    : sql`true`;
  await db.execute(sql`delete from subtree_quadrant_cells where ${roots} and ${quarterIn("quarter", quarters)} and ${rowCells}`);
  const approved = countedStatusSql("q.status", "approved");
  const submitted = countedStatusSql("q.status", "submitted");
  const c = quadrantRollupCell;
  // Each fact counts for its region (g, depth 1) unless it is the region's own, and for the
  // region's tree root; the root's own fact has itself as region and counts for none.
  await db.execute(sql`
    insert into subtree_quadrant_cells (root_unit_id, quarter, business, party, approved_count, approved_business,
                                        approved_party, submitted_count, submitted_business, submitted_party)
    select x.root_id, q.quarter, ${binSql(sql`q.business`, c)}, ${binSql(sql`q.party`, c)},
           count(*) filter (where ${approved})::int,
           coalesce(sum(q.business::numeric) filter (where ${approved}), 0),
           coalesce(sum(q.party::numeric) filter (where ${approved}), 0),
           count(*) filter (where ${submitted})::int,
           coalesce(sum(q.business::numeric) filter (where ${submitted}), 0),
           coalesce(sum(q.party::numeric) filter (where ${submitted}), 0)
    from unit_quadrant q
    join units g on g.id = q.region_id and g.depth = 1
    cross join lateral (values (g.id), (g.parent_id)) x(root_id)
    where x.root_id <> q.unit_id and ${rootIds ? sql`x.root_id in (${idList(rootIds)})` : sql`true`}
      and ${quarterIn("q.quarter", quarters)} and ${cells ? cellsOfFactsSql(cells) : sql`true`}
    group by 1, 2, 3, 4
    having count(*) filter (where ${submitted}) > 0`);
}

/** The units keeping cells that `unit` counts for: its ancestors down to the regions (not itself). */
const rollupRootsAbove = (unit: { id: number; path: string }) =>
  pathIds(unit.path)
    .slice(0, quadrantRollupMaxDepth + 1)
    .filter((id) => id !== unit.id);

/**
 * After one report's facts were rewritten (refreshRollupsForReport, under the rollup lock): the
 * unit's quadrant facts of that quarter, and the cells it left and entered at its tree root and region.
 */
export async function refreshQuadrantForReport(tx: Tx, unit: { id: number; path: string }, quarter: string): Promise<void> {
  const before = await queryRows<Cell>(
    tx,
    sql`delete from unit_quadrant where unit_id = ${unit.id} and quarter = ${quarter} returning business, party`,
  );
  await insertQuadrantFacts(tx, sql`c.unit_id = ${unit.id} and c.quarter = ${quarter}`);
  const after = await queryRows<Cell>(
    tx,
    sql`select business, party from unit_quadrant where unit_id = ${unit.id} and quarter = ${quarter}`,
  );
  const cells = new Map<string, Cell>();
  for (const p of [...before, ...after]) {
    const cell = { business: binOf(Number(p.business), quadrantRollupCell), party: binOf(Number(p.party), quadrantRollupCell) };
    cells.set(`${cell.business}/${cell.party}`, cell);
  }
  await recomputeQuadrantCells(tx, rollupRootsAbove(unit), [quarter], [...cells.values()]);
}

/**
 * After a unit (with its subtree) moved (refreshRollupsAfterMove, under the rollup lock): the
 * region of its subtree's facts, and every quarter's cells of the roots whose units below changed —
 * the tree roots and regions on one of the two chains only — and of the unit itself (it may have
 * become a region or stopped being one).
 */
export async function refreshQuadrantAfterMove(tx: Tx, input: { unitId: number; oldPath: string; newPath: string }): Promise<void> {
  await tx.execute(
    sql`update unit_quadrant f set region_id = ${regionOf("u")} from units u where u.id = f.unit_id and ${inSubtreeSql("u", { path: input.newPath })}`,
  );
  const oldRoots = rollupRootsAbove({ id: input.unitId, path: input.oldPath });
  const newRoots = rollupRootsAbove({ id: input.unitId, path: input.newPath });
  const changed = [...oldRoots.filter((id) => !newRoots.includes(id)), ...newRoots.filter((id) => !oldRoots.includes(id)), input.unitId];
  await recomputeQuadrantCells(tx, changed, null, null);
}

/** Rebuilds the quadrant facts and cells from the facts (`unit_scores`): all quarters, or those from `fromQuarter` on. */
export async function rebuildQuadrantRollup(db: Db | Tx, fromQuarter: string | null = null): Promise<void> {
  await lockRollups(db);
  const from = (column: string) => (fromQuarter === null ? sql`true` : sql`${sql.raw(column)} >= ${fromQuarter}`);
  await db.execute(sql`delete from unit_quadrant where ${from("quarter")}`);
  await db.execute(sql`delete from subtree_quadrant_cells where ${from("quarter")}`);
  await insertQuadrantFacts(db, from("c.quarter"));
  const quarters =
    fromQuarter === null
      ? null
      : (await queryRows<{ quarter: string }>(db, sql`select distinct quarter from unit_quadrant where ${from("quarter")}`)).map(
          (r) => r.quarter,
        );
  await recomputeQuadrantCells(db, null, quarters, null);
}

/**
 * At start-up: builds the quadrant rollup when it is empty while there are facts — a database
 * migrated to 0026 from an older one. In one transaction under the rollup lock, so instances
 * starting together do it once and writers wait for it.
 */
export async function ensureQuadrantRollup(db: Db): Promise<boolean> {
  const missing = async (d: Db | Tx) => {
    const [row] = await queryRows<{ missing: boolean }>(
      d,
      sql`select exists (select 1 from unit_scores where series = 'business') and not exists (select 1 from unit_quadrant) as missing`,
    );
    return !!row?.missing;
  };
  if (!(await missing(db))) return false;
  return db.transaction(async (tx) => {
    await lockRollups(tx);
    if (!(await missing(tx))) return false;
    await rebuildQuadrantRollup(tx);
    return true;
  });
}
