"use client";

import { gradesFrozen } from "~/lib/assessment/cycle-status";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FilterFieldset, FilterSelect } from "~/app/_components/ui/filter-fields";
import { Notice } from "~/app/_components/ui/notice";
import { UnitFilter } from "~/app/_components/unit-picker/unit-filter";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { BreakdownPanel } from "./breakdown-panel";
import { FinalGradeDialog } from "./final-grade-dialog";
import { GradesTable } from "./grades-table";
import { assessmentHref } from "./params";
import { QuotaBar } from "./quota-bar";

export type GradeRow = RouterOutputs["assessment"]["grades"][number];

/** 等次评定 for a year and subtree: the quota bar, the sortable grade table, a unit's breakdown, the final-grade dialog. */
export function GradesClient({ year, unitId, ownUnitOnly }: { year: number; unitId: number; ownUnitOnly: boolean }) {
  const t = useTranslations("assessmentGrades");
  const trpc = useTRPC();
  const router = useRouter();
  const cycles = useQuery(trpc.assessment.cycles.queryOptions());
  const cycle = cycles.data?.cycles.find((c) => c.year === year);
  const input = { year, unitId };
  const grades = useQuery({ ...trpc.assessment.grades.queryOptions(input), enabled: !!cycle });
  const quota = useQuery({ ...trpc.assessment.gradeQuota.queryOptions(input), enabled: !!cycle });
  const [selected, setSelected] = useState<number | null>(null);
  const [setting, setSetting] = useState<GradeRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const go = (patch: { year?: number; unit?: number }) =>
    router.push(assessmentHref("/assessment", { year, unit: ownUnitOnly ? null : unitId, ...patch }));
  const rows = grades.data ?? [];
  const shown = rows.find((r) => r.unitId === selected) ?? (ownUnitOnly ? rows[0] : undefined);
  const years = [...new Set([...(cycles.data?.cycles.map((c) => c.year) ?? []), year])].sort((a, b) => b - a);

  return (
    <div className="space-y-4">
      <div className="rounded border border-neutral-200 bg-white px-4 py-3">
        <h1 className="text-lg font-semibold">{t("heading")}</h1>
        <p className="text-xs text-neutral-500">{t("intro")}</p>
      </div>
      <FilterFieldset legend={t("filters.label")}>
        <FilterSelect
          label={t("filters.year")}
          anyLabel={String(year)}
          value={String(year)}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          onChange={(y) => go({ year: y ? Number(y) : year })}
        />
        {ownUnitOnly ? null : <UnitFilter label={t("filters.unit")} value={unitId} onChange={(u) => go({ unit: u.id })} />}
      </FilterFieldset>
      {cycles.isPending ? (
        <p className="text-sm text-neutral-500">{t("loading")}</p>
      ) : !cycle ? (
        <Notice>{cycles.data?.cycles.length ? t("noCycle", { year }) : t("noCycles")}</Notice>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="cycle-status">
            <Notice className="flex-1">{t(`status.${cycle.status}`)}</Notice>
            {gradesFrozen(cycle.status) ? (
              <Link className="text-party underline" href={assessmentHref("/assessment/publicity", { year, unit: null })}>
                {t("publicityLink")}
              </Link>
            ) : null}
          </div>
          {ownUnitOnly ? <Notice>{t("readOnly")}</Notice> : null}
          {notice ? <Notice tone="success">{notice}</Notice> : null}
          {quota.data && !ownUnitOnly ? <QuotaBar quota={quota.data} /> : null}
          {grades.error ? (
            <Notice tone="error">{describeError(grades.error).message}</Notice>
          ) : grades.isPending ? (
            <p className="text-sm text-neutral-500">{t("loading")}</p>
          ) : rows.length === 0 ? (
            <p className="rounded border border-neutral-200 bg-white px-4 py-3 text-sm text-neutral-500">{t("empty")}</p>
          ) : (
            <div className={shown ? "grid gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]" : undefined}>
              <GradesTable year={year} rows={rows} selected={shown?.unitId ?? null} onSelect={setSelected} onSet={setSetting} />
              {shown ? <BreakdownPanel row={shown} onClose={ownUnitOnly ? undefined : () => setSelected(null)} /> : null}
            </div>
          )}
        </>
      )}
      {setting ? (
        <FinalGradeDialog
          year={year}
          row={setting}
          onClose={() => setSetting(null)}
          onSaved={(message) => {
            setSetting(null);
            setNotice(message);
          }}
        />
      ) : null}
    </div>
  );
}
