/**
 * The annual-assessment benchmark (issue #15) against the scale-seeded PostgreSQL of DATABASE_URL
 * (`npm run seed:scale`): grades of a ~1,000-unit subtree while rating and once publicised, and
 * the freeze. Prints Markdown (docs/performance.md, "Annual assessment"). It writes the year's
 * cycle, appraisals, secretaries, inspections and duty reports into that database.
 *
 *   tsx --import ./server/lib/plain-node.mjs scripts/bench-assessment.ts [--year 2025] [--runs 50]
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDb, queryRows } from "~/db/client";
import { loadActor } from "~/server/auth/load-actor";
import { benchAssessment, renderAssessment } from "./bench/assessment";
import { describeMachine, loadAverage } from "./bench/machine";

const { values: args } = parseArgs({
  options: { year: { type: "string", default: "2025" }, runs: { type: "string", default: "50" }, warmup: { type: "string", default: "5" } },
});
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("需要 seed:scale 生成的 PostgreSQL：请设置 DATABASE_URL（needs DATABASE_URL of a scale-seeded PostgreSQL）");
  process.exit(2);
}
const handle = await openDb({ url });
try {
  const { db } = handle;
  const [admin] = await queryRows<{ id: number }>(db, sql`select id from users where role = 'admin' order by id limit 1`);
  const actor = admin && (await loadActor(db, admin.id));
  if (!actor) throw new Error("no admin user: run npm run seed:scale first");
  const load = loadAverage();
  const result = await benchAssessment({ db, actor }, Number(args.year), {
    runs: Number(args.runs),
    warmup: Number(args.warmup),
    log: (line) => console.error(line),
  });
  console.log(`Machine: ${JSON.stringify(await describeMachine(db))}; load average at start ${JSON.stringify(load)}\n`);
  console.log(renderAssessment(result));
} finally {
  await handle.close();
}
