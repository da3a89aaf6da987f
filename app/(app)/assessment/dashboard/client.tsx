"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { ChartExportScopeProvider } from "~/app/_components/charts/export-meta";
import { UnitFilter } from "~/app/_components/unit-picker/unit-filter";
import { Select } from "~/app/_components/ui/select";
import type { PickedUnit } from "~/app/_components/unit-picker/unit-picker";
import { cn } from "~/app/_lib/cn";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { AssessmentTabs } from "../assessment-tabs";
import { assessmentHref } from "../params";
import { ChangesCard } from "./changes-card";
import { DistributionCard } from "./distribution-card";
import { GradeQuadrantCard, OutcomesCard } from "./quadrant-cards";

type Assessment = RouterOutputs["assessment"];

/**
 * 年度看板: grade distribution against quota, year-on-year changes, the quadrant by grade, and where
 * promoted/commended secretaries' units sat. Read on the server; the year and unit navigate, the
 * shown cards dimmed until the new render arrives.
 */
export function AnnualDashboardClient(props: {
  input: { year: number; unitId: number };
  /** The chosen unit, read on the server (the unit field's text). */
  unit: PickedUnit | null;
  reads: {
    distribution: PageRead<Assessment["gradeDistribution"]>;
    changes: PageRead<Assessment["gradeChanges"]>;
    quadrant: PageRead<Assessment["gradeQuadrant"]>;
  };
  years: number[];
  staff: boolean;
  canManage: boolean;
}) {
  const t = useTranslations("assessmentDashboard");
  const tc = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { input } = props;
  const go = (patch: { year?: number; unit?: number }) =>
    startTransition(() =>
      router.push(assessmentHref("/assessment/dashboard", { year: input.year, unit: input.unitId, ...patch }), { scroll: false }),
    );
  const dataOf = <T,>(r: PageRead<T>) => (r.ok ? r.data : undefined);
  const err = (r: PageRead<unknown>) => (r.ok ? null : tc("error", { message: r.message }));
  const { reads } = props;
  const distribution = dataOf(reads.distribution);
  const quadrant = dataOf(reads.quadrant);
  const unitName = distribution?.unitName;
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
            <Select value={input.year} onChange={(e) => go({ year: Number(e.target.value) })} className="w-auto">
              {years.map((y) => (
                <option key={y} value={y}>
                  {t("yearLabel", { year: y })}
                </option>
              ))}
            </Select>
          </label>
          {props.staff ? null : (
            <UnitFilter label={t("unitFilter")} value={input.unitId} chosen={props.unit} onChange={(u) => go({ unit: u.id })} />
          )}
          {distribution && !distribution.frozen ? <span className="text-xs text-neutral-600">{t("ratingNote")}</span> : null}
        </div>
        <div
          className={cn("grid gap-4 transition-opacity lg:grid-cols-2", pending && "opacity-60")}
          aria-busy={pending || undefined}
          data-pending={pending || undefined}
        >
          <DistributionCard data={distribution} error={err(reads.distribution)} />
          <ChangesCard data={dataOf(reads.changes)} error={err(reads.changes)} />
          <GradeQuadrantCard data={quadrant} error={err(reads.quadrant)} staff={props.staff} />
          <OutcomesCard data={quadrant} error={err(reads.quadrant)} staff={props.staff} />
        </div>
      </div>
    </ChartExportScopeProvider>
  );
}
