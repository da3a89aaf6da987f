import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Unit } from "~/db/schema";
import { inSubtreeSql } from "~/server/scope";
import { gradedUnitSql } from "./grade-inputs";

export { gradesFrozen } from "~/lib/assessment/cycle-status";

/** The graded units of `root`'s subtree (every unit but the tree's root, active), as a condition on the alias `u`. */
export function gradedUnitsSql(root: Pick<Unit, "path">): SQL {
  return sql`${inSubtreeSql("u", root)} and ${gradedUnitSql}`;
}
