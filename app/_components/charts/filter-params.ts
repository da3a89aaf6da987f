import { createLoader, createParser, parseAsStringLiteral } from "nuqs/server";
import { categoryCodes, type CategoryCode } from "~/lib/category-codes";
import { lastQuarters } from "~/lib/quarter";
import { defaultInclusion, reportInclusions, type ReportInclusion } from "~/lib/status";
import { parseAsQuarter } from "~/app/_lib/url-params";

/** Which reports a dashboard counts: approved only (default) or also submitted-not-yet-approved. */
export const includeValues = reportInclusions;
export type Include = ReportInclusion;

const parseAsUnitId = createParser({
  parse: (v) => (/^[1-9]\d{0,9}$/.test(v) ? Number(v) : null),
  serialize: (v: number) => String(v),
});

/**
 * The dashboards' filters as they live in the URL: subtree root `unit`, quarter range
 * `from`/`to`, category `cat`, and `inc` (which reports count). Shared by the pages (server,
 * to prefetch) and `useDashboardFilters` (client).
 */
export const dashboardFilterParsers = {
  unit: parseAsUnitId,
  from: parseAsQuarter,
  to: parseAsQuarter,
  cat: parseAsStringLiteral(categoryCodes),
  inc: parseAsStringLiteral(includeValues).withDefault(defaultInclusion),
};
export const loadDashboardFilters = createLoader(dashboardFilterParsers);

export type RawDashboardFilters = {
  unit: number | null;
  from: string | null;
  to: string | null;
  cat: CategoryCode | null;
  inc: Include;
};
/** What applies when the URL says nothing: the user's own unit and the last eight finished quarters. */
export type DashboardDefaults = { unitId: number; from: string; to: string };
export type DashboardFilters = { unitId: number; from: string; to: string; category: CategoryCode | null; include: Include };

export function defaultDashboardRange(now = new Date()): { from: string; to: string } {
  const qs = lastQuarters(8, now);
  return { from: qs[0]!, to: qs[qs.length - 1]! };
}

/** The quarters the range selects offer: the last 20 finished ones, newest first. */
export function selectableQuarters(now = new Date()): string[] {
  return lastQuarters(20, now).reverse();
}

/** URL values over defaults; a reversed range is read the right way round. */
export function resolveDashboardFilters(raw: RawDashboardFilters, defaults: DashboardDefaults): DashboardFilters {
  let from = raw.from ?? defaults.from;
  let to = raw.to ?? defaults.to;
  if (raw.from && !raw.to && raw.from > to) to = raw.from;
  if (raw.to && !raw.from && raw.to < from) from = raw.to;
  if (from > to) [from, to] = [to, from];
  return { unitId: raw.unit ?? defaults.unitId, from, to, category: raw.cat, include: raw.inc };
}
