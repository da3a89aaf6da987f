"use client";

import { useLocale, useTranslations } from "next-intl";
import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { quarterTickLines } from "~/app/_components/charts/quarter-ticks";
import { StackedQuartersChart } from "./lazy-charts";
import type { QuarterStack } from "./rows";

/** Cases per quarter stacked by a series (category or form); clicking a quarter narrows the range to it. */
export function QuarterStackCard(props: {
  testId: string;
  title: string;
  description: string;
  exportName: string;
  stack: QuarterStack;
  onQuarter: (quarter: string) => void;
}) {
  const t = useTranslations("caseDashboard");
  const locale = useLocale();
  const { stack } = props;
  const select = (i: number) => {
    const quarter = stack.quarters[i];
    if (quarter) props.onQuarter(quarter);
  };
  return (
    <ChartFrame
      testId={props.testId}
      title={props.title}
      description={props.description}
      exportName={props.exportName}
      data={stack.data}
      legend={stack.series.map((s) => ({ label: s.label, color: s.color }))}
      tableLabel={t("table")}
      onRowSelect={select}
      rowSelectLabel={(i) => t("onlyQuarter", { quarter: String(stack.data.rows[i]?.quarter ?? "") })}
    >
      <StackedQuartersChart
        rows={stack.data.rows}
        xKey="quarter"
        series={stack.series}
        onSelect={select}
        ticks={quarterTickLines(stack.quarters, locale)}
        testId={`${props.testId}-chart`}
      />
    </ChartFrame>
  );
}
