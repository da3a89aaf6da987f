import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { listCategories, listIndicators } from "~/server/services/indicator/list";

export const indicatorRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listIndicators(ctx)),
  categories: protectedProcedure.query(({ ctx }) => listCategories(ctx)),
});
