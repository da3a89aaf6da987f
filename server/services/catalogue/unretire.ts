import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { indicators } from "~/db/schema";
import { badInput } from "~/server/errors";
import { formatQuarter } from "~/lib/quarter";
import { assertCapability, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { rebuildRollups } from "~/server/services/rollup/rebuild";
import { latestApprovedQuarterForChange, loadIndicator } from "./open-quarter";
import { m } from "~/lib/server-message";

/**
 * Takes back a retirement (恢复). Only while no approved quarter was reported without the
 * indicator: otherwise its stored values would start counting in scores already approved.
 */
export async function unretireIndicator({ db, actor }: { db: Db; actor: Actor }, input: { code: string }) {
  assertCapability(actor, "manageCatalogue");
  return db.transaction(async (tx) => {
    const current = await loadIndicator(tx, input.code);
    if (!current.retiredFrom) throw badInput({ code: m("catalogue.indicatorIsNotRetired") });
    const latest = await latestApprovedQuarterForChange(tx);
    if (latest && current.retiredFrom <= latest) {
      throw badInput({
        code: m("catalogue.retiredInApprovedQuartersAddA", { retiredFromZh: formatQuarter(current.retiredFrom, "zh-CN") }),
      });
    }
    await tx.update(indicators).set({ retiredFrom: null }).where(eq(indicators.code, current.code));
    // Scores of the open quarters change with the rules: rebuild their analytics.
    await rebuildRollups(tx, { fromQuarter: current.retiredFrom });
    await writeAudit(tx, actor, {
      action: "catalogue.unretire",
      entity: "indicator",
      entityId: current.code,
      before: { retiredFrom: current.retiredFrom },
      after: { retiredFrom: null },
    });
    return { retiredFrom: null };
  });
}
