"use client";

import { gradesFrozen } from "~/lib/assessment/cycle-status";
import { useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FilterFieldset, FilterSelect } from "~/app/_components/ui/filter-fields";
import { Notice } from "~/app/_components/ui/notice";
import { lazyDialog } from "~/app/_components/ui/lazy-dialog";
import type { PickedUnit } from "~/app/_components/unit-picker/unit-picker";
import { UnitFilter } from "~/app/_components/unit-picker/unit-filter";
import { cn } from "~/app/_lib/cn";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { BreakdownPanel } from "./breakdown-panel";
import { GradesTable } from "./grades-table";
import { assessmentHref } from "./params";
import { QuotaBar } from "./quota-bar";

export type GradeRow = RouterOutputs["assessment"]["grades"][number];

// The form and the query layer load when it first opens; after saving, the page is read again.
const FinalGradeDialog = lazyDialog(() => import("./final-grade-dialog").then((m) => m.FinalGradeDialog));

/**
 * 等次评定 for a year and subtree, read on the server: the quota bar, the sortable grade table, a
 * unit's breakdown, the final-grade dialog. The filters navigate; the shown grades stay, dimmed, until the new render.
 */
export function GradesClient(props: {
  year: number;
  unitId: number;
  /** The subtree root, read on the server (the unit field's text). */
  unit: PickedUnit | null;
  ownUnitOnly: boolean;
  cycles: PageRead<RouterOutputs["assessment"]["cycles"]>;
  /** Null when the year has no cycle. */
  grades: PageRead<GradeRow[]> | null;
  quota: RouterOutputs["assessment"]["gradeQuota"] | null;
}) {
  const { year, unitId, ownUnitOnly } = props;
  const t = useTranslations("assessmentGrades");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const cycles = props.cycles.ok ? props.cycles.data.cycles : [];
  const cycle = cycles.find((c) => c.year === year);
  const [selected, setSelected] = useState<number | null>(null);
  const [setting, setSetting] = useState<GradeRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const go = (patch: { year?: number; unit?: number }) =>
    startTransition(() => router.push(assessmentHref("/assessment", { year, unit: ownUnitOnly ? null : unitId, ...patch })));
  const rows = props.grades?.ok ? props.grades.data : [];
  const shown = rows.find((r) => r.unitId === selected) ?? (ownUnitOnly ? rows[0] : undefined);
  const years = [...new Set([...cycles.map((c) => c.year), year])].sort((a, b) => b - a);

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
        {ownUnitOnly ? null : (
          <UnitFilter label={t("filters.unit")} value={unitId} chosen={props.unit} onChange={(u) => go({ unit: u.id })} />
        )}
      </FilterFieldset>
      <div className={cn("space-y-4 transition-opacity", pending && "opacity-60")} aria-busy={pending || undefined}>
        {!props.cycles.ok ? (
          <Notice tone="error">{props.cycles.message}</Notice>
        ) : !cycle ? (
          <Notice>{cycles.length ? t("noCycle", { year }) : t("noCycles")}</Notice>
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
            {props.quota && !ownUnitOnly ? <QuotaBar quota={props.quota} /> : null}
            {props.grades && !props.grades.ok ? (
              <Notice tone="error">{props.grades.message}</Notice>
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
      </div>
      {setting ? (
        <FinalGradeDialog
          year={year}
          row={setting}
          onClose={() => setSetting(null)}
          onSaved={(message) =>
            // The page is read again; the dialog closes and the notice shows with the new grades (a next
            // 定等次 starts from the saved row and its version).
            startTransition(() => {
              setSetting(null);
              setNotice(message);
              router.refresh();
            })
          }
        />
      ) : null}
    </div>
  );
}
