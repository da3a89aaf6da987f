import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { indicatorVersions } from "~/db/schema";
import { badInput, type FieldErrors } from "~/server/errors";
import { formatQuarter } from "~/lib/quarter";
import { assertCapability, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { rebuildRollups } from "~/server/services/rollup/rebuild";
import { indicatorVersionInForce } from "./effective";
import { closedQuarterMessage, latestApprovedQuarterForChange, loadIndicator } from "./open-quarter";
import type { SetRulesInput } from "./schemas";
import { checkRules } from "./validate-rules";
import { m } from "~/lib/server-message";

const ruleKeys = ["direction", "target", "weight", "required"] as const;

/**
 * Changes an indicator's scoring rules from quarter `validFrom` on. Never touches a version
 * that approved reports were scored with: `validFrom` must be after the latest approved
 * quarter, so the version starting exactly there (if any) is updated in place, else a new one
 * is inserted. Texts and `source` are not part of the rules and stay as they are.
 */
export async function setRules({ db, actor }: { db: Db; actor: Actor }, input: SetRulesInput) {
  assertCapability(actor, "manageCatalogue");
  return db.transaction(async (tx) => {
    const indicator = await loadIndicator(tx, input.code);
    const errors: FieldErrors = checkRules(indicator.kind, input);
    const closed = closedQuarterMessage(await latestApprovedQuarterForChange(tx), input.validFrom);
    if (closed) errors.validFrom = closed;
    else if (indicator.retiredFrom && indicator.retiredFrom <= input.validFrom) {
      errors.validFrom = m("catalogue.indicatorRetiredFrom", {
        retiredFromZh: formatQuarter(indicator.retiredFrom, "zh-CN"),
        retiredFromEn: formatQuarter(indicator.retiredFrom, "en"),
      });
    }
    if (Object.keys(errors).length > 0) throw badInput(errors);

    const rules = { direction: input.direction, target: input.target, weight: input.weight, required: input.required };
    const previous = await indicatorVersionInForce(tx, indicator.code, input.validFrom);
    if (previous && ruleKeys.every((k) => previous[k] === rules[k])) return { changed: false, validFrom: input.validFrom };

    await tx
      .insert(indicatorVersions)
      .values({ indicatorCode: indicator.code, validFrom: input.validFrom, ...rules, createdBy: actor.id })
      .onConflictDoUpdate({
        target: [indicatorVersions.indicatorCode, indicatorVersions.validFrom],
        set: { ...rules, createdBy: actor.id, createdAt: sql`now()` },
      });
    // Scores of the open quarters change with the rules: rebuild their analytics.
    await rebuildRollups(tx, { fromQuarter: input.validFrom });
    await writeAudit(tx, actor, {
      action: "catalogue.setRules",
      entity: "indicator",
      entityId: indicator.code,
      // `before` is what the quarter was scored with until now (possibly an older version).
      before: previous && { validFrom: previous.validFrom, ...Object.fromEntries(ruleKeys.map((k) => [k, previous[k]])) },
      after: { validFrom: input.validFrom, ...rules },
    });
    return { changed: true, validFrom: input.validFrom };
  });
}
