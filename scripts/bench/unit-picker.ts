/**
 * `npx tsx --import ./server/lib/plain-node.mjs scripts/bench/unit-picker.ts [units]`: the unit picker's queries on the scale tree
 * (scripts/seed/scale/tree.ts, default 10,000 units) in an in-memory PGlite (or DATABASE_URL's
 * PostgreSQL, whose tree must be empty) — median of 15 calls each, and the plans. See docs/performance.md.
 */
import { sql } from "drizzle-orm";
import { queryRows } from "~/db/client";
import { fifteenCalls, openScaleTreeDb } from "./scale-db";
import type { Actor } from "~/server/scope";
import { getPickedUnit, searchUnits } from "~/server/services/unit/search";
import { unitTree } from "~/server/services/unit/tree";

const total = Number(process.argv[2] ?? 10_000);
const { handle, db, tree } = await openScaleTreeDb(total);
await db.execute(sql`analyze units`);

const admin: Actor = { id: 1, username: "bench", displayName: "bench", role: "admin", unitId: 1, unitPath: "/1/" };
const dept = tree.find((u) => u.depth === 1)!;
const reviewer: Actor = { ...admin, role: "reviewer", unitId: dept.id, unitPath: dept.path };
const leaf = tree.at(-1)!;
const ctx = (actor: Actor) => ({ db, actor });

async function median(label: string, run: () => Promise<unknown>) {
  const { times, last: r } = await fifteenCalls(run);
  const size = Array.isArray(r) ? r.length : ((r as { units?: unknown[] }).units?.length ?? 1);
  console.log(`${label.padEnd(58)} ${times[7]!.toFixed(1).padStart(7)} ms  (${size} rows)`);
}

console.log(`unit picker on ${tree.length} units (${handle.driver})`);
await median("search '党支部' (admin, whole tree, 20 of thousands)", () => searchUnits(ctx(admin), { query: "党支部" }));
await median("search '财政局' (admin)", () => searchUnits(ctx(admin), { query: "财政局" }));
await median("search '第三党支部' (admin)", () => searchUnits(ctx(admin), { query: "第三党支部" }));
await median("search '法规科' (reviewer, own department)", () => searchUnits(ctx(reviewer), { query: "法规科" }));
await median("search 'zz' (no match)", () => searchUnits(ctx(admin), { query: "zz" }));
await median("tree {depth:1} at the root (lazy children)", () => unitTree(ctx(admin), { depth: 1 }));
await median(`tree {rootId: ${dept.name}, depth:1}`, () => unitTree(ctx(admin), { rootId: dept.id, depth: 1 }));
await median("get (a leaf with its ancestors)", () => getPickedUnit(ctx(admin), { id: leaf.id }));
await median("tree (whole tree, for comparison)", () => unitTree(ctx(admin), {}));

const plan = await queryRows<{ "QUERY PLAN": string }>(
  db,
  sql`explain analyze select id from units where active and path like '/1/%' and strpos(lower(name), '第三党支部') > 0 order by depth limit 21`,
);
console.log("\nplan of the search's filter:\n" + plan.map((r) => `  ${r["QUERY PLAN"]}`).join("\n"));
await handle.close();
