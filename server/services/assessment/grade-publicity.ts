import "server-only";
import type { Db } from "~/db/client";
import { grades } from "~/lib/codes";
import { preconditionFailed } from "~/server/errors";
import { reachSql, type Actor } from "~/server/scope";
import { loadCycle } from "./cycle-load";
import { gradeTable } from "./grade-list";
import { m } from "~/lib/server-message";

/**
 * `assessment.publicity {year}`: the 公示 list — the frozen final grades of every unit the caller
 * reads, by grade then name, with the 公示 dates. Only once the cycle is publicised.
 */
export async function publicityList({ db, actor }: { db: Db; actor: Actor }, input: { year: number }) {
  const cycle = await loadCycle(db, input.year);
  if (cycle.status !== "publicised" && cycle.status !== "final")
    throw preconditionFailed(m("assessmentGrade.notPublicisedYet", { year: input.year }));
  const { rows } = await gradeTable(db, cycle, reachSql(actor, "read", "u"));
  return {
    year: cycle.year,
    status: cycle.status,
    publicityFrom: cycle.rules.publicityFrom ?? null,
    publicityTo: cycle.rules.publicityTo ?? null,
    rows: rows
      .map((r) => ({ unitId: r.unitId, unitName: r.unitName, secretary: r.secretary?.name ?? null, grade: r.effective }))
      .sort((a, b) => grades.indexOf(a.grade) - grades.indexOf(b.grade) || a.unitName.localeCompare(b.unitName, "zh-CN")),
  };
}
