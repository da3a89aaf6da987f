"use client";

import dynamic from "next/dynamic";
import type { ComponentType } from "react";
import { useNearWindow } from "./near-window";

/** The placeholder's classes while a chart's code loads: the chart's height, pulsing. */
export const chartPlaceholder = "h-72 animate-pulse rounded bg-neutral-50";

/**
 * A chart component loaded only in the browser and drawn only once its box comes near the
 * window, so recharts stays out of the pages' first bundle and a chart below the fold costs the
 * first load nothing (on a slow office PC every recharts chart blocks the main thread for
 * 100–300 ms): `const Chart = lazyChart(() => import("…/chart-bar-counts"))` (the first-screen charts — quarter lines, histogram, radar, quadrant — are plain SVG and imported directly).
 * `placeholder` sets the classes of the box shown meanwhile (keep the chart's height).
 */
export function lazyChart<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, placeholder = chartPlaceholder) {
  const Chart = dynamic(load, { ssr: false, loading: () => <div className={placeholder} /> }) as ComponentType<P>;
  function ChartInView(props: P) {
    const near = useNearWindow();
    return near.seen ? <Chart {...props} /> : <div ref={near.ref} className={placeholder} />;
  }
  return ChartInView;
}
