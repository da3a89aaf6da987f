import "server-only";
import { badInput, type FieldErrors } from "~/server/errors";
import { deadlineFor } from "~/server/services/deadline/rules";
import type { Db } from "~/db/client";
import type { Actor } from "~/server/scope";
import { effectiveIndicators } from "~/server/services/catalogue/effective";
import { reportTransitions } from "~/lib/status";
import { transitionReport, type TransitionInput } from "./transition";
import { m } from "~/lib/server-message";

/** Staff hand the quarter in (提交审核): every required indicator and the business score must be filled. */
export async function submitReport(ctx: { db: Db; actor: Actor }, input: TransitionInput) {
  const submittedAt = new Date();
  let late = false;
  return transitionReport(
    ctx,
    input,
    { action: "report.submit", verbZh: "提交", ...reportTransitions.submit, access: "write" },
    {
      check: async (tx, report) => {
        const errors: FieldErrors = {};
        const filled = new Set(report.values.map((v) => v.indicatorCode));
        for (const ind of await effectiveIndicators(tx, report.quarter)) {
          // Computed indicators (from meetings or cases) are not the user's to fill: a unit with nothing expected has none.
          if (ind.required && ind.source === "manual" && !filled.has(ind.code))
            errors[`values.${ind.code}`] = m("report.required", { nameZh: ind.nameZh });
        }
        if (report.businessScore === null) errors.businessScore = m("report.businessScoreRequired");
        if (Object.keys(errors).length > 0) throw badInput(errors);
        late = submittedAt > (await deadlineFor(tx, report.quarter));
      },
      patch: () => ({ submittedAt, submittedBy: ctx.actor.id, late, returnReason: null }),
      auditExtra: { submittedAt: submittedAt.toISOString() },
    },
  ).then((r) => ({ ...r, late }));
}
