import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { categoryWeights } from "~/db/schema";
import { badInput, type FieldErrors } from "~/server/errors";
import { assertCapability, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { rebuildRollups } from "~/server/services/rollup/rebuild";
import { categoryWeightInForce } from "./effective";
import { closedQuarterMessage, latestApprovedQuarterForChange } from "./open-quarter";
import type { SetCategoryWeightInput } from "./schemas";
import { checkWeight } from "./validate-rules";

/**
 * Changes a category's weight in the composite from `validFrom` on, with the same rule as
 * indicator rules: quarters with approved reports keep the weights they were scored with.
 */
export async function setCategoryWeight({ db, actor }: { db: Db; actor: Actor }, input: SetCategoryWeightInput) {
  assertCapability(actor, "manageCatalogue");
  return db.transaction(async (tx) => {
    const errors: FieldErrors = {};
    const weightError = checkWeight(input.weight);
    if (weightError) errors.weight = weightError;
    const closed = closedQuarterMessage(await latestApprovedQuarterForChange(tx), input.validFrom);
    if (closed) errors.validFrom = closed;
    if (Object.keys(errors).length > 0) throw badInput(errors);

    const previous = await categoryWeightInForce(tx, input.categoryCode, input.validFrom);
    if (previous?.weight === input.weight) return { changed: false, validFrom: input.validFrom };

    await tx
      .insert(categoryWeights)
      .values({ categoryCode: input.categoryCode, validFrom: input.validFrom, weight: input.weight, createdBy: actor.id })
      .onConflictDoUpdate({
        target: [categoryWeights.categoryCode, categoryWeights.validFrom],
        set: { weight: input.weight, createdBy: actor.id, createdAt: sql`now()` },
      });
    // Scores of the open quarters change with the rules: rebuild their analytics.
    await rebuildRollups(tx, { fromQuarter: input.validFrom });
    await writeAudit(tx, actor, {
      action: "catalogue.setCategoryWeight",
      entity: "category",
      entityId: input.categoryCode,
      before: previous && { validFrom: previous.validFrom, weight: previous.weight },
      after: { validFrom: input.validFrom, weight: input.weight },
    });
    return { changed: true, validFrom: input.validFrom };
  });
}
