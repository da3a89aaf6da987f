"use client";

import { lazyChart } from "~/app/_components/charts/lazy-chart";

// recharts is loaded only where a chart is drawn, and only in the browser.
export const StackedQuartersChart = lazyChart(
  () => import("~/app/_components/charts/chart-bar-stacked-quarters"),
  "h-72 animate-pulse rounded bg-neutral-100",
);
export const CountBarsChart = lazyChart(
  () => import("~/app/_components/charts/chart-bar-counts"),
  "h-72 animate-pulse rounded bg-neutral-100",
);
