/**
 * `npm run seed:scale -- --units 10000 --quarters 20 [--reset]`: the scale data set (issue #5)
 * in the PostgreSQL of DATABASE_URL, then the dashboards' rollups. See docs/performance.md.
 */
import { parseArgs } from "node:util";
import postgres from "postgres";
import { migrateDb } from "~/db/migrate";
import { drizzleOf, seedScale } from "~/scripts/seed/scale";
import { rebuildRollups } from "~/server/services/rollup/rebuild";
import { countRollupTables, rebuildCountRollups } from "~/server/services/rollup/tree-counts";

const { values: args } = parseArgs({
  options: {
    units: { type: "string", default: "10000" },
    quarters: { type: "string", default: "20" },
    reset: { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const units = Number(args.units);
const quarters = Number(args.quarters);
if (!Number.isInteger(units) || units < 10 || units > 1_000_000)
  fail("--units 须为 10 至 1,000,000 的整数（--units must be an integer from 10 to 1,000,000）");
if (!Number.isInteger(quarters) || quarters < 1 || quarters > 40)
  fail("--quarters 须为 1 至 40 的整数（--quarters must be an integer from 1 to 40）");
const url = process.env.DATABASE_URL;
if (!url) {
  fail(
    "seed:scale 需要真实的 PostgreSQL：请设置 DATABASE_URL；内嵌的 PGlite 仅用于演示数据。\n" +
      "seed:scale needs a real PostgreSQL server: set DATABASE_URL (the embedded PGlite is for the demo data only).",
  );
}

const sql = postgres(url, { max: 5, onnotice: () => {} });
const started = performance.now();
const ms = (since: number) => Math.round(performance.now() - since);
try {
  if (args.reset) {
    const t = performance.now();
    // drizzle keeps its record of applied migrations in its own schema: drop it too.
    await sql.unsafe("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public");
    await migrateDb({ db: drizzleOf(sql), driver: "postgres", url, close: async () => {} });
    console.log(`reset: schema dropped and migrated (${ms(t)} ms)`);
  } else {
    await migrateDb({ db: drizzleOf(sql), driver: "postgres", url, close: async () => {} });
  }
  console.log(`seed:scale: ${units} units × ${quarters} quarters`);
  const result = await seedScale(sql, { units, quarters, log: (line) => console.log(line) });

  const t = performance.now();
  const rollups = await rebuildRollups(drizzleOf(sql));
  await sql`analyze unit_scores`;
  await sql`analyze subtree_scores`;
  const rollupMs = ms(t);
  console.log(`  rebuildRollups: ${rollupMs} ms (${rollups.facts} facts, ${rollups.rollups} rollup rows)`);
  const c = performance.now();
  await drizzleOf(sql).transaction((tx) => rebuildCountRollups(tx));
  for (const table of countRollupTables) {
    await sql`analyze ${sql(table)}`;
  }
  console.log(`  rebuildCountRollups (cases, meeting quality, flags): ${ms(c)} ms`);

  const [size] = await sql<{ size: string }[]>`select pg_size_pretty(pg_database_size(current_database())) as size`;
  console.log("\nrows:");
  for (const [name, n] of Object.entries({ ...result.counts, unit_scores: rollups.facts, subtree_scores: rollups.rollups })) {
    console.log(`  ${name.padEnd(16)} ${n.toLocaleString("en-US").padStart(12)}`);
  }
  console.log(
    `root unit ${result.rootId}; staff at unit ${result.staffUnitId}; database ${size?.size}; total ${(ms(started) / 1000).toFixed(1)} s`,
  );
} catch (err) {
  console.error("seed:scale failed:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await sql.end({ timeout: 5 });
}
