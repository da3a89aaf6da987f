import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { createIndicator } from "~/server/services/catalogue/create-indicator";
import { listCatalogue } from "~/server/services/catalogue/list";
import { retireIndicator } from "~/server/services/catalogue/retire";
import {
  createIndicatorSchema,
  retireSchema,
  setCategoryWeightSchema,
  setRulesSchema,
  unretireSchema,
  updateTextsSchema,
} from "~/server/services/catalogue/schemas";
import { setCategoryWeight } from "~/server/services/catalogue/set-category-weight";
import { setRules } from "~/server/services/catalogue/set-rules";
import { unretireIndicator } from "~/server/services/catalogue/unretire";
import { updateTexts } from "~/server/services/catalogue/update-texts";

/** Indicator catalogue administration (指标体系); admin only, checked in the services. */
export const catalogueRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listCatalogue(ctx)),
  createIndicator: protectedProcedure.input(createIndicatorSchema).mutation(({ ctx, input }) => createIndicator(ctx, input)),
  updateTexts: protectedProcedure.input(updateTextsSchema).mutation(({ ctx, input }) => updateTexts(ctx, input)),
  setRules: protectedProcedure.input(setRulesSchema).mutation(({ ctx, input }) => setRules(ctx, input)),
  retire: protectedProcedure.input(retireSchema).mutation(({ ctx, input }) => retireIndicator(ctx, input)),
  unretire: protectedProcedure.input(unretireSchema).mutation(({ ctx, input }) => unretireIndicator(ctx, input)),
  setCategoryWeight: protectedProcedure.input(setCategoryWeightSchema).mutation(({ ctx, input }) => setCategoryWeight(ctx, input)),
});
