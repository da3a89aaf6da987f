"use client";

import { useQueryStates } from "nuqs";
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
};
const DefaultsContext = createContext<FiltersContext | null>(null);

/**
 * Wraps a dashboard page: what the filters mean when the URL leaves them out (from the server).
 * `serverDriven`: the page reads its data on the server and passes it down as props, so a filter
 * change navigates (nuqs `shallow: false`) inside a transition; `pending` is true until the new
 * page has arrived, and the old one stays on screen meanwhile.
 */
export function DashboardFiltersProvider({
  defaults,
  serverDriven = false,
  children,
}: {
  defaults: DashboardDefaults;
  serverDriven?: boolean;
  children: React.ReactNode;
}) {
  const [pending, startTransition] = useTransition();
  const value = useMemo(() => ({ defaults, serverDriven, pending, startTransition }), [defaults, serverDriven, pending]);
  return <DefaultsContext.Provider value={value}>{children}</DefaultsContext.Provider>;
}

export type DashboardFilterState = DashboardFilters & {
  defaults: DashboardDefaults;
  singleQuarter: boolean;
  /** A server-driven page's next data is on its way (the shown data is for the previous filters). */
  pending: boolean;
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
  const { defaults, serverDriven, pending, startTransition } = context;
  const [raw, set] = useQueryStates(dashboardFilterParsers, {
    history: "push",
    scroll: false,
    ...(serverDriven ? { shallow: false, startTransition } : {}),
  });
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
  return { ...filters, ...actions, defaults, pending, singleQuarter: filters.from === filters.to };
}
