"use client";

import { Link } from "~/app/_components/ui/link";
import { CompletenessBar } from "~/app/_components/charts/chart-bar-completeness";
import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { chartState } from "~/app/_components/charts/chart-state";
import { completenessData, type CompletenessState } from "./mappers";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { Completeness } from "./overview-data";
import { useOverviewText } from "./use-labels";
import { unitQuarterHref } from "~/app/_lib/quarter-params";

const stateColors: Record<CompletenessState, string> = {
  approved: "#2e7d32",
  submitted: "#90caf9",
  draft: "#d4d4d4",
  notStarted: "#f5f5f5",
};

/** How the subtree's units stand with their reports for the last quarter of the range. */
export function CompletenessCard(props: { completeness: PageRead<Completeness>; unitId: number; quarter: string; exportBase: string }) {
  const { t, quarter } = useOverviewText();
  const s = props.completeness.ok ? props.completeness.data : undefined;
  const title = t("completeness", { quarter: quarter(props.quarter) });
  const name = (k: CompletenessState) => t(`states.${k}`);
  const data = s ? completenessData(s, { state: t("state"), count: t("count"), share: t("share"), name }) : undefined;
  return (
    <ChartFrame
      testId="completeness"
      title={title}
      description={t("completenessDesc")}
      exportName={`${t("completeness", { quarter: props.quarter })}_${props.exportBase}`}
      data={data}
      state={chartState({
        loading: false,
        empty: props.completeness.ok ? s?.total === 0 && { message: t("empty.noUnits") } : { message: props.completeness.message },
      })}
      stateHeight="h-32"
    >
      {() =>
        s &&
        data && (
          <div className="space-y-2 px-2">
            <CompletenessBar
              testId="completeness-chart"
              label={title}
              rateLabel={t("onTimeRate")}
              rate={s.onTimeRate}
              total={s.total}
              segments={data.rows.map((r) => ({
                key: String(r.key),
                label: String(r.state),
                count: Number(r.count),
                color: stateColors[r.key as CompletenessState],
              }))}
              notes={[t("lateNote", { late: s.late, overdue: s.overdue, total: s.total })]}
            />
            <Link
              href={unitQuarterHref("/completeness", { unit: props.unitId, quarter: props.quarter })}
              className="text-sm text-party hover:underline"
            >
              {t("openCompleteness")}
            </Link>
          </div>
        )
      }
    </ChartFrame>
  );
}
