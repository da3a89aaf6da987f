import { sql } from "drizzle-orm";
import { openDb, queryRows } from "~/db/client";
import { migrateDb } from "~/db/migrate";
import type { MeetingType } from "~/lib/codes";
import { minutesCopyColumns } from "~/lib/text-similarity";
import { mulberry32 } from "~/scripts/seed/history";
import { composeMinutes, copyMinutes, personName, type Pick } from "~/scripts/seed/minutes-text";
import { findCopiedMinutes } from "~/server/services/meeting/copied-match";
import { fmt, summarise, timeRuns } from "./stats";

/**
 * Copy detection at the scale seed's size (docs/performance.md “Copy detection”): an in-memory
 * PGlite with the app's migrations, `MEETINGS` meetings (default 100,000) of `UNITS` units
 * with minutes composed by the demo's generator — full minutes, the worst case for the probe
 * (the scale seed's thin ones mostly have no bands at all) — 3 % of them lazy copies; then the
 * copied-minutes probe (`findCopiedMinutes`: one GIN probe of the MinHash bands, the best
 * candidates compared in full) for copies and for honest minutes, as `meeting.checkMinutes`
 * and every meeting write run it.
 *
 *   npx tsx --import ./server/lib/plain-node.mjs scripts/bench/copy-probe.ts
 */

const MEETINGS = Number(process.env.MEETINGS ?? 100_000);
const UNITS = Number(process.env.UNITS ?? 10_000);
const types: MeetingType[] = ["committee", "group", "branch_assembly", "party_lecture", "org_life"];
const businesses = ["预算", "教育考试", "医保", "市场监管", "社保", "规划", "交通执法", "农技推广", "审计", "统计"];

async function main() {
  const log = (line: string) => console.log(line);
  const handle = await openDb({ url: "", pgliteDir: null });
  await migrateDb(handle);
  const db = handle.db;
  await db.execute(sql`insert into units (id, name, type, path, depth)
      select 1, '市委', 'committee', '/1/', 0
      union all select g, '第' || g || '党支部', 'branch', '/1/' || g || '/', 1 from generate_series(2, ${UNITS}) g`);

  const next = mulberry32(0xb3c4);
  const pick: Pick = (items) => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  type Row = { id: number; unitId: number; date: string; type: MeetingType; minutes: string; copyOf: number | null };
  const rows: Row[] = [];
  let started = performance.now();
  for (let id = 1; id <= MEETINGS; id++) {
    const unitId = int(2, UNITS);
    const type = pick(types);
    const date = `20${int(22, 26)}-${String(int(1, 12)).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}`;
    const source = rows.length > 100 && chance(0.03) ? rows[int(0, rows.length - 1)]! : null;
    const expected = int(8, 30);
    const minutes = source
      ? copyMinutes(source.minutes, date, `第${unitId}党支部`)
      : composeMinutes(
          {
            type,
            date,
            topic: "专题党课：以党建引领业务高质量发展",
            unitName: `第${unitId}党支部`,
            secretary: personName(pick),
            expected,
            present: expected - int(0, 4),
            criticalOpinions: int(0, 6),
            rectificationItems: int(0, 3),
            solicitedOpinions: chance(0.5),
            business: pick(businesses),
            thin: false,
          },
          pick,
          chance,
        );
    rows.push({ id, unitId, date, type: source?.type ?? type, minutes, copyOf: source?.id ?? null });
  }
  const copyCols = rows.map((r) => minutesCopyColumns(r.minutes));
  log(`generated ${rows.length} meetings and their fingerprints and bands in ${fmt(performance.now() - started)} ms`);
  log(`  with bands: ${copyCols.filter((c) => c.copyBands.length > 0).length}; copies: ${rows.filter((r) => r.copyOf).length}`);

  started = performance.now();
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000);
    const values = sql.join(
      part.map((r, j) => {
        const c = copyCols[i + j]!;
        return sql`(${r.id}, ${r.unitId}, ${r.type}, ${r.date}::date, ${r.date.slice(0, 4) + "Q1"}, 10, 9, '会议', ${r.minutes}, ${c.minutesFingerprint}, ${`{${c.copyBands.join(",")}}`}::int[], 60)`;
      }),
      sql`, `,
    );
    await db.execute(sql`insert into meetings (id, unit_id, type, date, quarter, expected, present, topic, minutes, minutes_fingerprint, copy_bands, quality_score)
                         values ${values}`);
  }
  await db.execute(sql`analyze meetings`);
  log(`inserted in ${fmt(performance.now() - started)} ms`);

  const probe = (r: Row) => {
    const c = copyCols[r.id - 1]!;
    return db.transaction((tx) =>
      findCopiedMinutes(tx, {
        fingerprint: c.minutesFingerprint,
        bands: c.copyBands,
        unitId: r.unitId,
        date: r.date,
        beforeId: r.id,
        excludeId: r.id,
      }),
    );
  };
  if (process.env.EXPLAIN) {
    const r = rows[500]!;
    const b = `{${copyCols[r.id - 1]!.copyBands.join(",")}}`;
    await db.execute(sql`set enable_seqscan = off`);
    const plan = await queryRows<Record<string, string>>(
      db,
      sql`explain analyze select o.id, o.minutes_fingerprint from meetings o where o.copy_bands && ${b}::int[] and o.id <> ${r.id}
            and (o.unit_id <> ${r.unitId} or (o.date, o.id) < (${r.date}::date, ${r.id}::int)) and char_length(o.minutes) >= 30
          order by (select count(*) from unnest(o.copy_bands) as x(h) where x.h = any(${b}::int[])) desc, o.date, o.id limit 50`,
    );
    for (const line of plan) log(Object.values(line).join(""));
    await db.execute(sql`set enable_seqscan = on`);
  }
  const copies = rows.filter((r) => r.copyOf !== null).slice(0, 200);
  const honest = rows.filter((r) => r.copyOf === null && copyCols[r.id - 1]!.copyBands.length > 0).slice(0, 200);
  let i = 0;
  const copyStats = await timeRuns(() => probe(copies[i++ % copies.length]!), { warmup: 10, runs: copies.length });
  i = 0;
  const honestStats = await timeRuns(() => probe(honest[i++ % honest.length]!), { warmup: 10, runs: honest.length });
  let found = 0;
  for (const r of copies) if ((await probe(r))?.id === r.copyOf) found += 1;
  let flagged = 0;
  for (const r of honest) if (await probe(r)) flagged += 1;

  // How many rows the index hands over per probe (before the limit), for the honest minutes.
  const counts: number[] = [];
  for (const r of honest.slice(0, 50)) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from meetings where copy_bands && ${`{${copyCols[r.id - 1]!.copyBands.join(",")}}`}::int[]`,
    );
    counts.push(Number(row?.n ?? 0));
  }
  const cand = summarise(counts);
  const row = (label: string, s: ReturnType<typeof summarise>) =>
    log(`  ${label.padEnd(18)} n=${s.n}  p50 ${fmt(s.p50)} ms  p95 ${fmt(s.p95)} ms  mean ${fmt(s.mean)} ms  max ${fmt(s.max)} ms`);
  log(`probe (findCopiedMinutes) over ${rows.length} meetings:`);
  row("copies", copyStats);
  row("honest minutes", honestStats);
  log(`  copies found with their source: ${found}/${copies.length}; honest minutes flagged: ${flagged}/${honest.length}`);
  log(`  candidates sharing a band (honest): p50 ${cand.p50}, p95 ${cand.p95}, max ${cand.max}`);
  await handle.close();
}

void main();
