import "server-only";
import { max, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { indicators, indicatorVersions } from "~/db/schema";
import { badInput, type FieldErrors } from "~/server/errors";
import { assertCapability, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { rebuildRollups } from "~/server/services/rollup/rebuild";
import { closedQuarterMessage, latestApprovedQuarterForChange } from "./open-quarter";
import type { CreateIndicatorInput } from "./schemas";
import { checkRules } from "./validate-rules";
import { m } from "~/lib/server-message";

const codeTaken = m("catalogue.codeAlreadyInUse");

/**
 * Adds a typed-in (`manual`) indicator, collected from `validFrom` on; its rules become the
 * first version. Earlier quarters do not list it, so their scores stay as they were.
 */
export async function createIndicator({ db, actor }: { db: Db; actor: Actor }, input: CreateIndicatorInput) {
  assertCapability(actor, "manageCatalogue");
  return db.transaction(async (tx) => {
    const errors: FieldErrors = checkRules(input.kind, input);
    const closed = closedQuarterMessage(await latestApprovedQuarterForChange(tx), input.validFrom);
    if (closed) errors.validFrom = closed;
    // Codes differing only in case would be told apart by nobody reading a report.
    const [clash] = await tx
      .select({ code: indicators.code })
      .from(indicators)
      .where(sql`lower(${indicators.code}) = lower(${input.code})`)
      .limit(1);
    if (clash) errors.code = codeTaken;
    if (Object.keys(errors).length > 0) throw badInput(errors);

    const [last] = await tx.select({ n: max(indicators.sortOrder) }).from(indicators);
    const texts = {
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      unitZh: input.unitZh,
      unitEn: input.unitEn,
      helpZh: input.helpZh,
      helpEn: input.helpEn,
    };
    const [created] = await tx
      .insert(indicators)
      .values({
        code: input.code,
        categoryCode: input.categoryCode,
        kind: input.kind,
        source: "manual",
        sortOrder: (last?.n ?? 0) + 1,
        ...texts,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) throw badInput({ code: codeTaken }); // created by someone else a moment ago
    const rules = { direction: input.direction, target: input.target, weight: input.weight, required: input.required };
    await tx.insert(indicatorVersions).values({ indicatorCode: created.code, validFrom: input.validFrom, ...rules, createdBy: actor.id });

    // Scores of the open quarters change with the rules: rebuild their analytics.
    await rebuildRollups(tx, { fromQuarter: input.validFrom });
    await writeAudit(tx, actor, {
      action: "catalogue.createIndicator",
      entity: "indicator",
      entityId: created.code,
      after: { categoryCode: created.categoryCode, kind: created.kind, ...texts, validFrom: input.validFrom, ...rules },
    });
    return { code: created.code };
  });
}
