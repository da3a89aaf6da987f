import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { assessmentCycles, type Unit } from "~/db/schema";
import { defaultCycleRules, type CycleRules } from "~/lib/assessment/rules";
import { defaultPartyWeight } from "~/lib/assessment/simulate";
import type { AssessmentCycleStatus } from "~/lib/codes";
import { inSubtreeSql } from "~/server/scope";
import { gradedUnitSql } from "./grade-inputs";

/** A year's cycle as the simulator and the dashboards read it; a year without one reads as the defaults (`exists: false`). */
export type CycleSetting = {
  year: number;
  exists: boolean;
  status: AssessmentCycleStatus | null;
  rules: CycleRules;
  partyWeight: number;
  version: number;
};

export async function readCycleSetting(db: Db | Tx, year: number): Promise<CycleSetting> {
  const [c] = await db.select().from(assessmentCycles).where(eq(assessmentCycles.year, year)).limit(1);
  if (!c) return { year, exists: false, status: null, rules: defaultCycleRules(year), partyWeight: defaultPartyWeight, version: 0 };
  return { year, exists: true, status: c.status, rules: c.rules, partyWeight: c.partyWeight, version: c.version };
}

export { gradesFrozen } from "~/lib/assessment/cycle-status";

/** The graded units of `root`'s subtree (every unit but the tree's root, active), as a condition on the alias `u`. */
export function gradedUnitsSql(root: Pick<Unit, "path">): SQL {
  return sql`${inSubtreeSql("u", root)} and ${gradedUnitSql}`;
}
