import "server-only";
import type { Db } from "~/db/client";
import type { Actor } from "~/server/scope";
import { holdRulesForApproval } from "~/server/services/catalogue/open-quarter";
import { reportTransitions } from "~/lib/status";
import { transitionReport, type TransitionInput } from "./transition";

/** A reviewer (or admin) of an ancestor unit approves a submitted report, which locks it (审核通过). */
export function approveReport(ctx: { db: Db; actor: Actor }, input: TransitionInput) {
  return transitionReport(
    ctx,
    input,
    { action: "report.approve", verbZh: "审核通过", ...reportTransitions.approve, access: "approve" },
    // An approval freezes its quarter's rules: wait for any catalogue change in progress.
    { begin: holdRulesForApproval, patch: () => ({ reviewedAt: new Date(), reviewedBy: ctx.actor.id }) },
  );
}

/** A reviewer returns a submitted report to its unit with a reason (退回修改). */
export function returnReport(ctx: { db: Db; actor: Actor }, input: TransitionInput & { reason: string }) {
  return transitionReport(
    ctx,
    input,
    { action: "report.return", verbZh: "退回", ...reportTransitions.return, access: "approve" },
    {
      patch: () => ({ reviewedAt: new Date(), reviewedBy: ctx.actor.id, returnReason: input.reason }),
      auditExtra: { reason: input.reason },
    },
  );
}

/**
 * Lock exception (解锁): an admin reopens an approved report so its unit can correct it; the
 * reason is kept in the report and the audit log.
 */
export function reopenReport(ctx: { db: Db; actor: Actor }, input: TransitionInput & { reason: string }) {
  return transitionReport(
    ctx,
    input,
    {
      action: "report.reopen",
      verbZh: "解锁",
      ...reportTransitions.reopen,
      access: "read",
      capability: "grantLockException",
    },
    { patch: () => ({ returnReason: input.reason }), auditExtra: { reason: input.reason, lockException: true } },
  );
}
