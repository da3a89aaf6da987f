"use client";

import { DashboardTabs } from "~/app/(app)/dashboard/dashboard-tabs";
import { useLocale, useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { useDashboardFilters } from "~/app/_components/charts/use-dashboard-filters";
import { PendingArea } from "~/app/_components/charts/pending-area";
import type { PickedUnit } from "~/app/_components/unit-picker/unit-picker";
import type { CaseDashboard } from "~/app/_lib/api-types";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import { Notice } from "~/app/_components/ui/notice";
import { formatQuarter } from "~/lib/quarter";
import { OverdueCard } from "./card-overdue";
import { RepeatedUnitsCard } from "./card-repeated";
import { RootCausesCard } from "./card-root-causes";
import { StatusCard } from "./card-status";
import { CaseFigures } from "./figures";
import { CaseDashboardFilters } from "./filters";
import { QuarterStackCard } from "./quarter-stack-card";
import { byCategoryRows, byFormRows } from "./rows";
import { casesHref } from "../params";

/**
 * 问责统计: cases of a subtree and quarter range by category, form, status and root cause; overdue
 * items; repeated units. The page reads `case.dashboard` on the server; a filter change navigates
 * and the old figures stay dimmed until the new render is there.
 */
export function CaseDashboardClient({ read, unit }: { read: PageRead<CaseDashboard>; unit: PickedUnit | null }) {
  const t = useTranslations();
  const locale = useLocale();
  const f = useDashboardFilters();
  const data = read.ok ? read.data : null;

  return (
    <div className="space-y-4">
      <DashboardTabs />
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-lg font-semibold">{t("caseDashboard.heading")}</h1>
        {data ? (
          <>
            <span className="text-sm text-neutral-600">
              {t("caseDashboard.scope", { name: data.unitName, below: data.ownUnitOnly ? "" : t("caseDashboard.scopeBelow") })}
            </span>
            <span className="text-sm text-neutral-600">
              {t("caseDashboard.range", { from: formatQuarter(data.from, locale), to: formatQuarter(data.to, locale) })}
            </span>
          </>
        ) : null}
        <Link href={casesHref({ unitId: f.unitId })} className="ml-auto text-sm text-party hover:underline">
          {t("caseDashboard.toList")}
        </Link>
      </div>
      <CaseDashboardFilters f={f} unit={unit} />
      {!read.ok ? (
        <Notice tone="error">{t("common.error", { message: read.message })}</Notice>
      ) : read.data.total === 0 ? (
        <PendingArea>
          <p
            className="rounded border border-neutral-200 bg-white px-4 py-6 text-center text-sm text-neutral-500"
            data-testid="case-dashboard-empty"
          >
            {t("caseDashboard.empty")}
          </p>
        </PendingArea>
      ) : (
        <CaseCharts data={read.data} />
      )}
    </div>
  );
}

/** The figures, charts and tables of a range with cases. */
function CaseCharts({ data }: { data: CaseDashboard }) {
  const t = useTranslations();
  const locale = useLocale();
  const f = useDashboardFilters();
  return (
    <PendingArea className="space-y-4">
      <CaseFigures data={data} />
      <div className="grid gap-4 lg:grid-cols-2">
        <QuarterStackCard
          testId="cases-by-category"
          title={t("caseDashboard.byCategory.title")}
          description={t("caseDashboard.byCategory.desc")}
          exportName={t("caseDashboard.export.byCategory")}
          stack={byCategoryRows(data, t, locale)}
          onQuarter={f.setQuarter}
        />
        <QuarterStackCard
          testId="cases-by-form"
          title={t("caseDashboard.byForm.title")}
          description={t("caseDashboard.byForm.desc")}
          exportName={t("caseDashboard.export.byForm")}
          stack={byFormRows(data, t, locale)}
          onQuarter={f.setQuarter}
        />
        <StatusCard data={data} />
        <RootCausesCard data={data} />
      </div>
      <OverdueCard overdue={data.overdue} />
      <RepeatedUnitsCard units={data.repeatedUnits} rootId={data.unitId} onDrill={f.setUnit} />
    </PendingArea>
  );
}
