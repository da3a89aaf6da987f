"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ReviewTrendPoint } from "~/app/_components/charts/chart-line-review-trend";
import { formatScore } from "~/app/_lib/categories";
import { formatQuarter } from "~/lib/quarter";

/** The slide's trend as a table for screen readers (the chart's text alternative); not drawn on the slide. */
export function TrendTable({ data }: { data: ReviewTrendPoint[] }) {
  const t = useTranslations();
  const locale = useLocale();
  return (
    <table className="sr-only" data-testid="review-trend-table">
      <caption>{t("review.present.trend")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("a11y.quarter")}</th>
          <th scope="col">{t("review.present.composite")}</th>
        </tr>
      </thead>
      <tbody>
        {data.map((p) => (
          <tr key={p.quarter}>
            <th scope="row">{formatQuarter(p.quarter, locale)}</th>
            <td>{formatScore(p.composite)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
