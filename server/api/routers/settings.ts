import { z } from "~/server/lib/zod";
import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { assertCapability } from "~/server/scope";
import { listDeadlineRules } from "~/server/services/deadline/rules";
import { listSettings, settingKeys } from "~/server/services/settings/list";
import { updateSetting } from "~/server/services/settings/update";

/** System settings (系统设置); admin only, checked in the services. */
export const settingsRouter = createTRPCRouter({
  get: protectedProcedure.query(({ ctx }) => listSettings(ctx)),
  /** The deadline's versions: which quarters keep which number of days, and from when a change applies. */
  deadlineRules: protectedProcedure.query(({ ctx }) => {
    assertCapability(ctx.actor, "manageSettings");
    return listDeadlineRules(ctx.db);
  }),
  update: protectedProcedure
    .input(
      z.object({
        key: z.enum(settingKeys),
        // Checked against the key's own schema in the service, so errors name the inner field.
        value: z.unknown(),
        version: z.number().int().min(0),
      }),
    )
    .mutation(({ ctx, input }) => updateSetting(ctx, input)),
});
