import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { indicators } from "~/db/schema";
import { badInput } from "~/server/errors";
import { formatQuarter } from "~/lib/quarter";
import { assertCapability, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { rebuildRollups } from "~/server/services/rollup/rebuild";
import { closedQuarterMessage, latestApprovedQuarterForChange, loadIndicator } from "./open-quarter";
import type { RetireInput } from "./schemas";
import { m } from "~/lib/server-message";

/**
 * Stops collecting an indicator from `fromQuarter` on (停用). Earlier quarters still list and
 * score it, so `fromQuarter` must come after the latest quarter with approved reports.
 */
export async function retireIndicator({ db, actor }: { db: Db; actor: Actor }, input: RetireInput) {
  assertCapability(actor, "manageCatalogue");
  return db.transaction(async (tx) => {
    const current = await loadIndicator(tx, input.code);
    const latest = await latestApprovedQuarterForChange(tx);
    const closed = closedQuarterMessage(latest, input.fromQuarter);
    if (closed) throw badInput({ fromQuarter: closed });
    // Moving an earlier retirement would put the indicator back into approved quarters.
    if (current.retiredFrom && latest && current.retiredFrom <= latest) {
      throw badInput({
        fromQuarter: m("catalogue.alreadyRetiredInApprovedQuarters", { retiredFromZh: formatQuarter(current.retiredFrom, "zh-CN") }),
      });
    }
    if (current.retiredFrom === input.fromQuarter) return { retiredFrom: input.fromQuarter };
    await tx.update(indicators).set({ retiredFrom: input.fromQuarter }).where(eq(indicators.code, current.code));
    // Scores of the open quarters change with the rules: rebuild their analytics.
    await rebuildRollups(tx, {
      fromQuarter: current.retiredFrom && current.retiredFrom < input.fromQuarter ? current.retiredFrom : input.fromQuarter,
    });
    await writeAudit(tx, actor, {
      action: "catalogue.retire",
      entity: "indicator",
      entityId: current.code,
      before: { retiredFrom: current.retiredFrom },
      after: { retiredFrom: input.fromQuarter },
    });
    return { retiredFrom: input.fromQuarter };
  });
}
