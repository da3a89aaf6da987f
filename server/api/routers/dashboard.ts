import { reportInclusions } from "~/lib/status";
import { z } from "~/server/lib/zod";
import { analyticsProcedure, createTRPCRouter } from "~/server/api/trpc";
import { dashboardCompleteness } from "~/server/services/dashboard/completeness";
import { dashboardHeatmap } from "~/server/services/dashboard/heatmap";
import { dashboardMeetingQuality } from "~/server/services/dashboard/meeting-quality";
import { dashboardOverview } from "~/server/services/dashboard/overview";
import { dashboardQuadrant } from "~/server/services/dashboard/quadrant";
import { quarterSchema, unitIdSchema } from "~/lib/schemas";
import { rememberedBySnapshot } from "~/server/lib/snapshot-memo";

/** Which reports count: approved only (default), or submitted ones too. */
const include = z.enum(reportInclusions).optional();

/**
 * The small dashboard answers leaders reload most are remembered per database snapshot
 * (server/lib/snapshot-memo.ts): the same answer while nothing has been committed since.
 */
export const dashboardRouter = createTRPCRouter({
  overview: analyticsProcedure
    .input(z.object({ unitId: unitIdSchema, from: quarterSchema, to: quarterSchema, include }))
    .query(({ ctx, input }) => rememberedBySnapshot(ctx, "dashboard.overview", input, () => dashboardOverview(ctx, input))),
  heatmap: analyticsProcedure
    .input(z.object({ unitId: unitIdSchema, quarter: quarterSchema, include }))
    .query(({ ctx, input }) => rememberedBySnapshot(ctx, "dashboard.heatmap", input, () => dashboardHeatmap(ctx, input))),
  quadrant: analyticsProcedure
    .input(z.object({ unitId: unitIdSchema, quarter: quarterSchema, include, level: z.enum(["children", "units"]).optional() }))
    .query(({ ctx, input }) => dashboardQuadrant(ctx, input)),
  completeness: analyticsProcedure
    .input(z.object({ unitId: unitIdSchema, quarter: quarterSchema }))
    .query(({ ctx, input }) => rememberedBySnapshot(ctx, "dashboard.completeness", input, () => dashboardCompleteness(ctx, input))),
  meetingQuality: analyticsProcedure
    .input(z.object({ unitId: unitIdSchema, from: quarterSchema, to: quarterSchema }))
    .query(({ ctx, input }) => rememberedBySnapshot(ctx, "dashboard.meetingQuality", input, () => dashboardMeetingQuality(ctx, input))),
});
