import { z } from "~/server/lib/zod";

export const importJobIdSchema = z.object({
  id: z.coerce
    .number({ error: "任务编号须为数字（job id must be a number）" })
    .int({ error: "任务编号须为整数（job id must be a whole number）" })
    .positive({ error: "任务编号须为正整数（job id must be positive）" })
    .max(2_147_483_647, { error: "任务编号过大（job id too large）" }),
});
