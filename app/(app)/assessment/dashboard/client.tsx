"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { ChartExportScopeProvider } from "~/app/_components/charts/export-meta";
import { UnitFilter } from "~/app/_components/unit-picker/unit-filter";
import { Select } from "~/app/_components/ui/select";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { AssessmentTabs } from "../assessment-tabs";
import { assessmentParsers } from "../params";
import { ChangesCard } from "./changes-card";
import { DistributionCard } from "./distribution-card";
import { GradeQuadrantCard, OutcomesCard } from "./quadrant-cards";

/** 年度看板: grade distribution against quota, year-on-year changes, the quadrant by grade, and where promoted/commended secretaries' units sat. */
export function AnnualDashboardClient(props: {
  defaults: { year: number; unitId: number };
  years: number[];
  staff: boolean;
  canManage: boolean;
}) {
  const t = useTranslations("assessmentDashboard");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [params, setParams] = useQueryStates(assessmentParsers, { history: "push", scroll: false });
  const input = { year: params.year ?? props.defaults.year, unitId: params.unit ?? props.defaults.unitId };
  const opts = { placeholderData: keepPreviousData };
  const distribution = useQuery({ ...trpc.assessment.gradeDistribution.queryOptions(input), ...opts });
  const changes = useQuery({ ...trpc.assessment.gradeChanges.queryOptions(input), ...opts });
  const quadrant = useQuery({ ...trpc.assessment.gradeQuadrant.queryOptions(input), ...opts });
  const err = (e: unknown) => (e ? tc("error", { message: describeError(e).message }) : null);
  const unitName = distribution.data?.unitName;
  const years = [...new Set([...props.years, input.year])].sort((a, b) => b - a);
  return (
    <ChartExportScopeProvider
      value={
        unitName ? { scope: t(props.staff ? "scopeUnit" : "scope", { name: unitName }), range: t("yearLabel", { year: input.year }) } : null
      }
    >
      <div className="space-y-3">
        <AssessmentTabs canManage={props.canManage} ownUnitOnly={props.staff} />
        <h1 className="text-lg font-semibold">{t("heading")}</h1>
        <div
          className="flex flex-wrap items-end gap-x-5 gap-y-2 rounded border border-neutral-200 bg-white px-4 py-3"
          data-testid="assessment-dashboard-filters"
        >
          <label className="text-sm">
            <span className="mb-1 block text-xs text-neutral-600">{t("year")}</span>
            <Select value={input.year} onChange={(e) => void setParams({ year: Number(e.target.value) })} className="w-auto">
              {years.map((y) => (
                <option key={y} value={y}>
                  {t("yearLabel", { year: y })}
                </option>
              ))}
            </Select>
          </label>
          {props.staff ? null : (
            <UnitFilter label={t("unitFilter")} value={input.unitId} onChange={(u) => void setParams({ unit: u.id })} />
          )}
          {distribution.data && !distribution.data.frozen ? <span className="text-xs text-neutral-600">{t("ratingNote")}</span> : null}
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <DistributionCard data={distribution.data} error={err(distribution.error)} />
          <ChangesCard data={changes.data} error={err(changes.error)} />
          <GradeQuadrantCard data={quadrant.data} error={err(quadrant.error)} staff={props.staff} />
          <OutcomesCard data={quadrant.data} error={err(quadrant.error)} staff={props.staff} />
        </div>
      </div>
    </ChartExportScopeProvider>
  );
}
