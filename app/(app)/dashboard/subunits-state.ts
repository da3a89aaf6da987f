import "server-only";

import { getLocale, getTranslations } from "next-intl/server";
import type { DashboardFilters } from "~/app/_components/charts/filter-params";
import { formatQuarter } from "~/lib/quarter";
import type { OverviewReads } from "./read-overview";
import { subunitsState, type SubunitsState } from "./subunits";

/** Whether the heatmap and best/worst can compare the next level down, worded on the server (the cards get it as a prop). */
export async function subunitsOf(reads: OverviewReads, f: DashboardFilters, ownUnitOnly: boolean): Promise<SubunitsState> {
  if (reads.heatmap && !reads.heatmap.ok) return { kind: "empty", quarter: reads.focus, message: reads.heatmap.message };
  const t = await getTranslations("dashboardOverview");
  const locale = await getLocale();
  const approved = f.include === "approved";
  const single = f.from === f.to;
  return subunitsState({
    quarter: reads.focus,
    heatmap: reads.heatmap?.data,
    loading: false,
    ownUnitOnly,
    unitName: reads.overview.ok ? reads.overview.data.unitName : "",
    text: {
      staff: t("empty.staffOwnUnit"),
      leaf: (name) => t("empty.leaf", { name }),
      noReports: t(
        single
          ? approved
            ? "empty.quarterApproved"
            : "empty.quarterSubmitted"
          : approved
            ? "empty.rangeApproved"
            : "empty.rangeSubmitted",
      ),
      noSubunitScores: (q) => t(approved ? "empty.subunitsApproved" : "empty.subunitsSubmitted", { quarter: formatQuarter(q, locale) }),
      tryInclude: t("empty.tryInclude"),
    },
  });
}
