import { createCallerFactory, createTRPCRouter } from "./trpc";
import { assessmentRouter } from "./routers/assessment";
import { auditRouter } from "./routers/audit";
import { caseRouter } from "./routers/case";
import { catalogueRouter } from "./routers/catalogue";
import { completenessRouter } from "./routers/completeness";
import { dashboardRouter } from "./routers/dashboard";
import { importJobRouter } from "./routers/import-job";
import { indicatorRouter } from "./routers/indicator";
import { inspectionRouter } from "./routers/inspection";
import { meRouter } from "./routers/me";
import { meetingRouter } from "./routers/meeting";
import { officerRouter } from "./routers/officer";
import { reportRouter } from "./routers/report";
import { reviewRouter } from "./routers/review";
import { settingsRouter } from "./routers/settings";
import { spreadsheetRouter } from "./routers/spreadsheet";
import { todoRouter } from "./routers/todo";
import { unitRouter } from "./routers/unit";
import { userRouter } from "./routers/user";

export const appRouter = createTRPCRouter({
  me: meRouter,
  unit: unitRouter,
  user: userRouter,
  indicator: indicatorRouter,
  report: reportRouter,
  meeting: meetingRouter,
  dashboard: dashboardRouter,
  catalogue: catalogueRouter,
  settings: settingsRouter,
  audit: auditRouter,
  officer: officerRouter,
  assessment: assessmentRouter,
  completeness: completenessRouter,
  todo: todoRouter,
  spreadsheet: spreadsheetRouter,
  importJob: importJobRouter,
  case: caseRouter,
  inspection: inspectionRouter,
  review: reviewRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
