"use client";

import dynamic from "next/dynamic";

// recharts is loaded only where a chart is drawn, and only in the browser.
const loading = () => <div className="h-72 animate-pulse rounded bg-neutral-100" />;

export const StackedQuartersChart = dynamic(() => import("~/app/_components/charts/chart-bar-stacked-quarters"), { ssr: false, loading });
export const CountBarsChart = dynamic(() => import("~/app/_components/charts/chart-bar-counts"), { ssr: false, loading });
