"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ReviewTrendPoint } from "~/app/_components/charts/chart-line-review-trend";
import { formatScore } from "~/app/_lib/categories";
import { formatQuarter } from "~/lib/quarter";
import { Caption, Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";

/** The slide's trend as a table for screen readers (the chart's text alternative); not drawn on the slide. */
export function TrendTable({ data }: { data: ReviewTrendPoint[] }) {
  const t = useTranslations();
  const locale = useLocale();
  return (
    <Table bare className="sr-only" data-testid="review-trend-table">
      <Caption>{t("review.present.trend")}</Caption>
      <THead>
        <TR>
          <TH scope="col">{t("a11y.quarter")}</TH>
          <TH scope="col">{t("review.present.composite")}</TH>
        </TR>
      </THead>
      <TBody>
        {data.map((p) => (
          <TR key={p.quarter}>
            <TH scope="row">{formatQuarter(p.quarter, locale)}</TH>
            <TD>{formatScore(p.composite)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
