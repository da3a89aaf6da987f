"use client";

import { createSerializer } from "nuqs/server";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useOptimistic,
  useRef,
  useTransition,
  type TransitionStartFunction,
} from "react";
import type { CategoryCode } from "~/lib/codes";
import {
  dashboardFilterParsers,
  loadDashboardFilters,
  resolveDashboardFilters,
  type DashboardDefaults,
  type DashboardFilters,
  type Include,
  type RawDashboardFilters,
} from "./filter-params";

const serializeFilters = createSerializer(dashboardFilterParsers);

type FiltersContext = {
  defaults: DashboardDefaults;
  /** The filters shown: the URL's, or the ones a change asked for while their page is on its way. */
  raw: RawDashboardFilters;
  set: (values: Partial<RawDashboardFilters>) => void;
  pending: boolean;
  startTransition: TransitionStartFunction;
};
const DefaultsContext = createContext<FiltersContext | null>(null);
const noKeys: readonly string[] = [];

/**
 * Wraps a dashboard page, which reads its data on the server for the URL's filters and passes it
 * down: `defaults` is what the filters mean when the URL leaves them out. A filter change navigates
 * (`router.push` of the new URL) inside a transition: `pending` is true until the new page has
 * arrived, the old data stays on screen meanwhile, and the controls show the new choice at once
 * (`useOptimistic`). `resetKeys`: the page's own URL params that start again when a filter changes
 * (e.g. a list's page), cleared in the same navigation. No query-state library hook here: the URL
 * is read with `useSearchParams` and written with the parsers' serializer (issue 16's first-load
 * budget).
 */
export function DashboardFiltersProvider({
  defaults,
  resetKeys = noKeys,
  children,
}: {
  defaults: DashboardDefaults;
  resetKeys?: readonly string[];
  children: React.ReactNode;
}) {
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const urlRaw = useMemo(() => loadDashboardFilters(searchParams), [searchParams]);
  const [raw, setRaw] = useOptimistic(urlRaw);
  // The query a change asked for: a second change before that page arrives builds on it.
  const asked = useRef<string | null>(null);
  useEffect(() => {
    asked.current = null;
  }, [searchParams]);

  const set = useCallback(
    (values: Partial<RawDashboardFilters>) => {
      const base = new URLSearchParams(asked.current ?? searchParams.toString());
      for (const key of resetKeys) base.delete(key);
      const href = serializeFilters(`${pathname}?${base.toString()}`, values);
      const query = href.includes("?") ? href.slice(href.indexOf("?") + 1) : "";
      asked.current = query;
      startTransition(() => {
        setRaw(loadDashboardFilters(new URLSearchParams(query)));
        router.push(href, { scroll: false });
      });
    },
    [pathname, searchParams, resetKeys, router, setRaw],
  );
  const value = useMemo(() => ({ defaults, raw, set, pending, startTransition }), [defaults, raw, set, pending]);
  return <DefaultsContext.Provider value={value}>{children}</DefaultsContext.Provider>;
}

export type DashboardFilterState = DashboardFilters & {
  defaults: DashboardDefaults;
  singleQuarter: boolean;
  /** A server-driven page's next data is on its way (the shown data is for the previous filters). */
  pending: boolean;
  /** The transition `pending` follows: a server-driven page's own URL params navigate in it too. */
  startTransition: TransitionStartFunction;
  /** Move the subtree root (drill down, or back up through the breadcrumb). */
  setUnit: (unitId: number) => void;
  /** Narrow the range to one quarter (clicking a quarter in a chart). */
  setQuarter: (quarter: string) => void;
  setRange: (from: string, to: string) => void;
  /** Back to the default quarter range (“恢复全部季度”). */
  resetRange: () => void;
  setCategory: (category: CategoryCode | null) => void;
  setInclude: (include: Include) => void;
};

/**
 * The dashboards' filters (`unit`, `from`, `to`, `cat`, `inc`) held in the URL, so a view can be
 * shared and the back button walks back through drill-downs. Values equal to the default are
 * left out of the URL.
 */
export function useDashboardFilters(): DashboardFilterState {
  const context = useContext(DefaultsContext);
  if (!context) throw new Error("useDashboardFilters needs a DashboardFiltersProvider");
  const { defaults, raw, set, pending, startTransition } = context;
  const filters = resolveDashboardFilters(raw, defaults);

  const setRange = useCallback(
    (from: string, to: string) => {
      const [a, b] = from <= to ? [from, to] : [to, from];
      set({ from: a === defaults.from && b === defaults.to ? null : a, to: a === defaults.from && b === defaults.to ? null : b });
    },
    [set, defaults.from, defaults.to],
  );
  const actions = useMemo(
    () => ({
      setUnit: (unitId: number) => set({ unit: unitId === defaults.unitId ? null : unitId }),
      setQuarter: (quarter: string) => set({ from: quarter, to: quarter }),
      setRange,
      resetRange: () => set({ from: null, to: null }),
      setCategory: (category: CategoryCode | null) => set({ cat: category }),
      setInclude: (include: Include) => set({ inc: include }),
    }),
    [set, setRange, defaults.unitId],
  );
  return { ...filters, ...actions, defaults, pending, startTransition, singleQuarter: filters.from === filters.to };
}
