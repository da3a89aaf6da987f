"use client";

import { useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import type { CaseDashboard } from "~/app/_lib/api-types";
import { casesHref } from "../params";

/** The headline figures of the range; the overdue one amber when there is any, linked to the list's overdue filter. */
export function CaseFigures({ data }: { data: CaseDashboard }) {
  const t = useTranslations("caseDashboard.figures");
  const box = "rounded border border-neutral-200 bg-white px-4 py-2";
  const figure = (testId: string, label: string, value: number, tone = "") => (
    <>
      <span className="block text-xs text-neutral-500">{label}</span>
      <span className={`num block text-xl font-semibold ${tone}`} data-testid={testId}>
        {value}
      </span>
    </>
  );
  const overdueTone = data.overdue.items > 0 ? "text-amber-800" : "";
  return (
    <div className="flex flex-wrap gap-3" data-testid="case-figures">
      <div className={box}>{figure("figure-total", t("total"), data.total)}</div>
      <div className={box}>{figure("figure-open", t("open"), data.status.open)}</div>
      <div className={box}>{figure("figure-closed", t("closed"), data.status.closed)}</div>
      <Link
        href={casesHref({ unitId: data.unitId, overdue: true })}
        className={`${box} hover:border-neutral-400 ${data.overdue.items > 0 ? "border-amber-300 bg-amber-50/60" : ""}`}
      >
        {figure("figure-overdue-items", t("overdueItems"), data.overdue.items, overdueTone)}
      </Link>
      <div className={box}>{figure("figure-overdue-cases", t("overdueCases"), data.overdue.cases, overdueTone)}</div>
    </div>
  );
}
