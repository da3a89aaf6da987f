import "server-only";
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { officers, people } from "~/db/schema";
import { todayInChina } from "~/lib/beijing-day";
import { asBuffer, runHeavy } from "~/server/lib/heavy-pool";
import { assertCapability, assertUnitInScope, type Actor } from "~/server/scope";
import { officerPostNames } from "~/server/services/spreadsheet/columns";
import { chunks, readableSubtree } from "~/server/services/spreadsheet/lookups";
import type { SpreadsheetFile } from "~/server/services/spreadsheet/render-template";

/** The roster's order within a unit: 书记, 副书记, 委员, then by start. */
const postRank = sql`case ${officers.post} when 'secretary' then 0 when 'deputy_secretary' then 1 else 2 end`;
const yesNo = (b: boolean) => (b ? "是" : "否");

/**
 * `GET /api/export/officers?unit=<id>`: the roster template of the unit and every unit below it
 * the admin reads, pre-filled with the tenures in post today (a unit without any: one row with
 * its code and name), so an admin can correct it and upload it again. Read here, built on a worker.
 */
export async function buildRosterTemplate({ db, actor }: { db: Db; actor: Actor }, input: { unitId: number }): Promise<SpreadsheetFile> {
  assertCapability(actor, "manageAssessment");
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const unitList = (await readableSubtree(db, actor, root)).filter((u) => u.active || u.id === root.id);
  const today = todayInChina();
  const byUnit = new Map<number, (string | number | null)[][]>();
  for (const part of chunks(unitList.map((u) => u.id))) {
    const list = await db
      .select({
        unitId: officers.unitId,
        name: people.name,
        post: officers.post,
        fullTime: officers.fullTime,
        concurrentHead: officers.concurrentHead,
        from: officers.fromDate,
        to: officers.toDate,
      })
      .from(officers)
      .innerJoin(people, eq(people.id, officers.personId))
      .where(and(inArray(officers.unitId, part), lte(officers.fromDate, today), or(isNull(officers.toDate), gte(officers.toDate, today))))
      .orderBy(postRank, asc(officers.fromDate), asc(officers.id));
    for (const o of list) {
      const rows = byUnit.get(o.unitId) ?? [];
      rows.push([o.name, officerPostNames[o.post], yesNo(o.fullTime), yesNo(o.concurrentHead), o.from, o.to]);
      byUnit.set(o.unitId, rows);
    }
  }
  const rows = unitList.flatMap((u) => (byUnit.get(u.id) ?? [[]]).map((r) => [u.id, u.name, ...r]));
  const file = await runHeavy(`user:${actor.id}`, {
    kind: "rosterTemplate",
    data: {
      rows,
      help: { unitName: root.name, today },
      fileName: `干部名册_${root.name}_${today}.xlsx`,
      asciiFileName: `officers_${root.id}_${today}.xlsx`,
    },
  });
  return { ...file, body: asBuffer(file.body) };
}
