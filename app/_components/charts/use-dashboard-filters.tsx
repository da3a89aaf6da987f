"use client";

import { parseAsString, useQueryStates } from "nuqs";
import { createContext, useCallback, useContext, useMemo, useTransition, type TransitionStartFunction } from "react";
import type { CategoryCode } from "~/lib/codes";
import {
  dashboardFilterParsers,
  resolveDashboardFilters,
  type DashboardDefaults,
  type DashboardFilters,
  type Include,
} from "./filter-params";

type FiltersContext = {
  defaults: DashboardDefaults;
  /** The page is rendered from server data: a filter change asks the server for the page again. */
  serverDriven: boolean;
  pending: boolean;
  startTransition: TransitionStartFunction;
  resetKeys: readonly string[];
};
const DefaultsContext = createContext<FiltersContext | null>(null);
const noKeys: readonly string[] = [];

/**
 * Wraps a dashboard page: what the filters mean when the URL leaves them out (from the server).
 * `serverDriven`: the page reads its data on the server and passes it down as props, so a filter
 * change navigates (nuqs `shallow: false`) inside a transition; `pending` is true until the new
 * page has arrived, and the old one stays on screen meanwhile. `resetKeys`: the page's own URL
 * params that start again when a filter changes (e.g. a list's page), cleared in the same navigation.
 */
export function DashboardFiltersProvider({
  defaults,
  serverDriven = false,
  resetKeys = noKeys,
  children,
}: {
  defaults: DashboardDefaults;
  serverDriven?: boolean;
  resetKeys?: readonly string[];
  children: React.ReactNode;
}) {
  const [pending, startTransition] = useTransition();
  const value = useMemo(
    () => ({ defaults, serverDriven, pending, startTransition, resetKeys }),
    [defaults, serverDriven, pending, resetKeys],
  );
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
  const { defaults, serverDriven, pending, startTransition, resetKeys } = context;
  const options = { history: "push", scroll: false, ...(serverDriven ? { shallow: false, startTransition } : {}) } as const;
  const [raw, setFilters] = useQueryStates(dashboardFilterParsers, options);
  const resetParsers = useMemo(() => Object.fromEntries(resetKeys.map((k) => [k, parseAsString])), [resetKeys]);
  const [, setReset] = useQueryStates(resetParsers, options);
  // Both land in one URL update (nuqs merges the updates of a tick): one navigation.
  const set = useCallback(
    (values: Parameters<typeof setFilters>[0]) => {
      if (resetKeys.length > 0) void setReset(Object.fromEntries(resetKeys.map((k) => [k, null])));
      return setFilters(values);
    },
    [setFilters, setReset, resetKeys],
  );
  const filters = resolveDashboardFilters(raw, defaults);

  const setRange = useCallback(
    (from: string, to: string) => {
      const [a, b] = from <= to ? [from, to] : [to, from];
      void set({ from: a === defaults.from && b === defaults.to ? null : a, to: a === defaults.from && b === defaults.to ? null : b });
    },
    [set, defaults.from, defaults.to],
  );
  const actions = useMemo(
    () => ({
      setUnit: (unitId: number) => void set({ unit: unitId === defaults.unitId ? null : unitId }),
      setQuarter: (quarter: string) => void set({ from: quarter, to: quarter }),
      setRange,
      resetRange: () => void set({ from: null, to: null }),
      setCategory: (category: CategoryCode | null) => void set({ cat: category }),
      setInclude: (include: Include) => void set({ inc: include }),
    }),
    [set, setRange, defaults.unitId],
  );
  return { ...filters, ...actions, defaults, pending, startTransition, singleQuarter: filters.from === filters.to };
}
