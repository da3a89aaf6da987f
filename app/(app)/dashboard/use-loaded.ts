"use client";

import { useEffect, useState, type ComponentType } from "react";

const loaded = new Map<() => Promise<unknown>, unknown>();

/**
 * A component whose code is fetched with a plain `import()` once the page has hydrated (or once
 * `wanted` turns true), then remembered: `null` until it is there. Not next/dynamic, whose runtime
 * alone is ≈ 2 kB gz of first load; the overview's below-the-fold charts and the radar's recharts
 * bars are not needed to answer a first click (issue 16). `load` must be a module-level function.
 */
export function useLoaded<P>(load: () => Promise<ComponentType<P>>, wanted = true): ComponentType<P> | null {
  const [component, setComponent] = useState(() => (loaded.get(load) as ComponentType<P> | undefined) ?? null);
  useEffect(() => {
    if (component || !wanted) return;
    let live = true;
    void load().then((c) => {
      loaded.set(load, c);
      if (live) setComponent(() => c);
    });
    return () => {
      live = false;
    };
  }, [component, wanted, load]);
  return component;
}

/** The box a chart keeps while its code loads. */
export const loadingBox = "animate-pulse rounded bg-neutral-50";
