import { describe, expect, it } from "vitest";
import { eq, isNotNull, sql } from "drizzle-orm";
import { queryRows } from "~/db/client";
import { dutyReports, meetings } from "~/db/schema";
import { copyRules, fingerprintSimilarity } from "~/lib/text-similarity";
import { disguisedCopyUnit, nearCopyUnit } from "~/scripts/seed/assessment";
import { allCommonClauses } from "~/server/services/copy-check/corpus";
import { backfillCopyDetection } from "~/server/services/copy-check/backfill";
import { refreshDutyReportCopy } from "~/server/services/assessment/duty-copy";
import { findCopiedMinutes } from "~/server/services/meeting/copied-match";
import { flagRules } from "~/server/services/meeting/flags";
import { useDemoDb } from "./test-db";

/**
 * The demo's minutes and duty reports against the app's own copy detection: an honest meeting
 * (another unit's, or the unit's own with different generated content) is never flagged; the
 * copies the seed plants are. And a database whose bands are blank gets them back from the backfill.
 */
const t = useDemoDb(new Date("2026-12-06T04:00:00Z"));

type Row = { id: number; unitId: number; date: string; chars: number; fp: string; bands: number[] | null; copiedFromId: number | null };

async function seededMeetings(): Promise<Row[]> {
  return queryRows<Row>(
    t.db,
    sql`select id, unit_id as "unitId", date::text as date, char_length(minutes)::int as chars, minutes_fingerprint as fp,
               copy_bands as bands, copied_from_id as "copiedFromId" from meetings order by date, id`,
  );
}

describe("the demo's minutes and copy detection", () => {
  it("flags no honest pair of seeded minutes, only the planted copies", async () => {
    const rows = await seededMeetings();
    const common = await allCommonClauses(t.db);
    // The planted copies are the matches the seed stored: groups of minutes copied from one another.
    const parent = new Map(rows.map((r) => [Number(r.id), Number(r.id)]));
    const find = (i: number): number => (parent.get(i) === i ? i : find(parent.get(i)!));
    for (const r of rows) if (r.copiedFromId !== null) parent.set(find(Number(r.id)), find(Number(r.copiedFromId)));
    // Every seeded meeting written again as it is: the rule of the probe (any other unit's meeting, the unit's own
    // earlier ones) over every candidate sharing a band — no candidate limit, so at least as many as the app finds.
    const index = new Map<number, Row[]>();
    for (const r of rows) for (const b of r.bands ?? []) index.set(b, [...(index.get(b) ?? []), r]);
    const eligible = (r: Row) => Number(r.chars) >= flagRules.minMinutesChars;
    let crossUnit = 0;
    let ownUnit = 0;
    let planted = 0;
    let plantedFound = 0;
    for (const me of rows.filter(eligible)) {
      const candidates = new Set((me.bands ?? []).flatMap((b) => index.get(b)!));
      let best: Row | null = null;
      let bestSim = 0;
      for (const o of candidates) {
        if (o.id === me.id || !eligible(o)) continue;
        if (o.unitId === me.unitId && !(o.date < me.date || (o.date === me.date && o.id < me.id))) continue;
        const s = fingerprintSimilarity(me.fp, o.fp, common);
        if (s >= copyRules.threshold && s > bestSim) [best, bestSim] = [o, s];
      }
      if (me.copiedFromId !== null) {
        planted += 1;
        if (best) plantedFound += 1;
      }
      if (best && find(Number(best.id)) !== find(Number(me.id))) {
        if (best.unitId === me.unitId) ownUnit += 1;
        else crossUnit += 1;
      }
    }
    console.log(
      `copy detection on the demo: ${rows.length} meetings, ${common.size} corpus-common clauses; honest minutes flagged: ` +
        `${crossUnit} (another unit's), ${ownUnit} (the unit's own); planted copies ${plantedFound}/${planted} found`,
    );
    expect(planted).toBeGreaterThanOrEqual(20);
    expect(plantedFound).toBe(planted);
    expect(crossUnit + ownUnit).toBe(0);
  });

  it("flags the duty reports the seed copies, and no other", async () => {
    const flagged = await queryRows<{ unit: string }>(
      t.db,
      sql`select u.name as unit from duty_reports d join units u on u.id = d.unit_id where d.copied_from_id is not null order by u.name`,
    );
    expect(flagged.map((f) => f.unit).sort()).toEqual([disguisedCopyUnit, nearCopyUnit].sort());
  });
});

describe("backfillCopyDetection", () => {
  it("gives rows with blank bands their bands and corpus back, so the probe finds the copy again", async () => {
    const [copy] = await t.db.select().from(meetings).where(isNotNull(meetings.copiedFromId)).limit(1);
    const [dutyCopy] = await t.db.select().from(dutyReports).where(isNotNull(dutyReports.copiedFromId)).limit(1);
    await t.db.execute(sql`update meetings set copy_bands = null, minutes_fingerprint = ''`);
    await t.db.execute(sql`update duty_reports set copy_bands = null, text_fingerprint = ''`);
    await t.db.execute(sql`delete from copy_clause_units`);
    await t.db.execute(sql`delete from copy_clauses`);

    const lines: string[] = [];
    const done = await backfillCopyDetection(t.db, { batch: 400, log: (l) => lines.push(l) });
    const [{ n: meetingCount } = { n: 0 }] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from meetings`);
    expect(done.meetings).toBe(Number(meetingCount));
    expect(lines.some((l) => l.includes("bands"))).toBe(true);
    const [after] = await t.db.select().from(meetings).where(eq(meetings.id, copy!.id));
    const found = await t.db.transaction((tx) =>
      findCopiedMinutes(tx, {
        fingerprint: after!.minutesFingerprint,
        bands: after!.copyBands!,
        unitId: after!.unitId,
        date: after!.date,
        beforeId: after!.id,
        excludeId: after!.id,
      }),
    );
    expect(found?.id).toBe(copy!.copiedFromId);

    await t.db.transaction((tx) => refreshDutyReportCopy(tx, dutyCopy!.id));
    const [report] = await t.db.select().from(dutyReports).where(eq(dutyReports.id, dutyCopy!.id));
    expect(report!.copiedFromId).toBe(dutyCopy!.copiedFromId);
    // Nothing left to do: a second run is a no-op.
    expect(await backfillCopyDetection(t.db)).toEqual({ meetings: 0, dutyReports: 0 });
  });
});
