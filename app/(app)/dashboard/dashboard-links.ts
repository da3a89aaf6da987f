import { createLoader, createSerializer, parseAsStringLiteral } from "nuqs/server";
import { dashboardFilterParsers, includeValues } from "~/app/_components/charts/filter-params";

/** The dashboards that share the URL filters, in tab order. */
export const dashboardTabs = [
  { key: "overview", href: "/dashboard" },
  { key: "quadrant", href: "/dashboard/quadrant" },
  { key: "meetings", href: "/dashboard/meetings" },
  { key: "cases", href: "/cases/dashboard" },
] as const;

/** Filters every dashboard understands; page-only ones (level, cat …) stay behind. `inc` is carried as given, the default too. */
const sharedParsers = {
  unit: dashboardFilterParsers.unit,
  from: dashboardFilterParsers.from,
  to: dashboardFilterParsers.to,
  inc: parseAsStringLiteral(includeValues),
};
const loadShared = createLoader(sharedParsers);
const serializeShared = createSerializer(sharedParsers);
/** The URL of a dashboard (`/dashboard…`, `/cases/dashboard`) with these shared filters (and nothing else). */
export const dashboardHref = serializeShared;

/** The link to a dashboard tab carrying the shared filters of the current URL. */
export const tabHref = (href: string, current: URLSearchParams): string => serializeShared(href, loadShared(current));
