import { createCallerFactory, createTRPCRouter } from "./trpc";
import { dashboardRouter } from "./routers/dashboard";
import { indicatorRouter } from "./routers/indicator";
import { meRouter } from "./routers/me";
import { reportRouter } from "./routers/report";
import { unitRouter } from "./routers/unit";

export const appRouter = createTRPCRouter({
  me: meRouter,
  unit: unitRouter,
  indicator: indicatorRouter,
  report: reportRouter,
  dashboard: dashboardRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
