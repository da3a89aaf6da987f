"use client";

import dynamic from "next/dynamic";
import type { ComponentType } from "react";

/** The placeholder's classes while a chart's code loads: the chart's height, pulsing. */
export const chartPlaceholder = "h-72 animate-pulse rounded bg-neutral-50";

/**
 * A chart component loaded only in the browser and only where it is drawn, so recharts stays out
 * of the pages' first bundle: `const Chart = lazyChart(() => import("…/chart-line-quarters"))`.
 * `placeholder` sets the classes of the box shown meanwhile (keep the chart's height).
 */
export function lazyChart<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, placeholder = chartPlaceholder) {
  return dynamic(load, { ssr: false, loading: () => <div className={placeholder} /> });
}
