import "server-only";

import type { DashboardFilters } from "~/app/_components/charts/filter-params";
import { readForPage, type PageRead } from "~/app/_lib/trpc/page-read";
import type { Completeness, Heatmap, Overview } from "./overview-data";

export type OverviewReads = {
  overview: PageRead<Overview>;
  completeness: PageRead<Completeness>;
  /** The quarter the heatmap and best/worst show: the single chosen quarter, else the latest one with data. */
  focus: string | null;
  /** Null when there is no focus quarter or the actor reads only their own unit (nothing below to compare). */
  heatmap: PageRead<Heatmap> | null;
};

/** What the overview shows for these filters, read through the same procedures a browser calls. */
export async function readOverview(f: DashboardFilters, ownUnitOnly: boolean): Promise<OverviewReads> {
  const [overview, completeness] = await Promise.all([
    readForPage((api) => api.dashboard.overview({ unitId: f.unitId, from: f.from, to: f.to, include: f.include })),
    readForPage((api) => api.dashboard.completeness({ unitId: f.unitId, quarter: f.to })),
  ]);
  // The heatmap's quarter depends on the overview's answer, so it is read after it.
  const focus = f.from === f.to ? f.from : overview.ok ? (overview.data.latest?.quarter ?? null) : null;
  const heatmap =
    focus && !ownUnitOnly && overview.ok
      ? await readForPage((api) => api.dashboard.heatmap({ unitId: f.unitId, quarter: focus, include: f.include }))
      : null;
  return { overview, completeness, focus, heatmap };
}
