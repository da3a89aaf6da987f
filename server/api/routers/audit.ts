import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { auditSearchSchema, searchAudit } from "~/server/services/audit/search";

/** The audit log (审计日志), read-only; admin only, checked in the service. */
export const auditRouter = createTRPCRouter({
  search: protectedProcedure.input(auditSearchSchema).query(({ ctx, input }) => searchAudit(ctx, input)),
});
