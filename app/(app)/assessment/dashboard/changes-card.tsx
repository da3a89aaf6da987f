"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { chartState } from "~/app/_components/charts/chart-state";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { cn } from "~/app/_lib/cn";
import { grades, type Grade } from "~/lib/codes";
import { Link } from "~/app/_components/ui/link";
import { changeMatrix, changesChartData, type ChangeCell } from "./dashboard-data";

type Changes = RouterOutputs["assessment"]["gradeChanges"];

/** 等次年度变化: last year's grade (rows) → this year's (columns); a count opens the list of its units. */
export function ChangesCard({ data, error }: { data: Changes | undefined; error: string | null }) {
  const t = useTranslations("assessmentDashboard");
  const tg = useTranslations("grades");
  const [open, setOpen] = useState<ChangeCell | null>(null);
  const grade = (g: Grade | null) => (g ? tg(g) : t("notGraded"));
  const m = data ? changeMatrix(data.cells) : null;
  const chartData = data
    ? changesChartData(data.cells, {
        from: t("fromYear", { year: data.previousYear }),
        to: t("toYear", { year: data.year }),
        count: t("units"),
        units: t("unitList"),
        grade,
      })
    : undefined;
  const shown = open && data?.cells.find((c) => c.from === open.from && c.to === open.to);
  return (
    <ChartFrame
      testId="assessment-changes"
      title={t("changesTitle", { from: data?.previousYear ?? "", to: data?.year ?? "" })}
      description={m && data?.cells.length ? t("changesDesc", { better: m.better, same: m.same, worse: m.worse }) : undefined}
      exportName={`${t("changesExport")}_${data?.unitName ?? ""}_${data?.year ?? ""}`}
      data={chartData}
      state={chartState({
        loading: error ? false : !data && t("loading"),
        empty: error
          ? { message: error }
          : data && !data.frozen
            ? { message: t("rating") }
            : data?.cells.length === 0 && { message: t("noGrades") },
      })}
      stateHeight="h-40"
    >
      {() =>
        m &&
        data && (
          <div className="space-y-2 px-2">
            <Table>
              <THead>
                <TR className="text-xs text-neutral-500">
                  <TH scope="col" className="py-1.5 pr-2 text-left font-normal">
                    {t("matrixCorner", { from: data.previousYear, to: data.year })}
                  </TH>
                  {grades.map((g) => (
                    <TH key={g} scope="col" className="num py-1.5 pr-2 font-normal">
                      {grade(g)}
                    </TH>
                  ))}
                </TR>
              </THead>
              <TBody>
                {m.rows.map((r) => (
                  <TR key={r.from ?? "none"} className="border-t border-neutral-100">
                    <TH scope="row" className="py-1.5 pr-2 text-left font-normal text-neutral-700">
                      {grade(r.from)}
                    </TH>
                    {r.cells.map((c, i) => (
                      <TD key={grades[i]} className={cn("num py-1 pr-2", r.from === grades[i] && "bg-neutral-50")}>
                        {c ? (
                          <button
                            type="button"
                            className="rounded px-2 py-0.5 text-party hover:bg-neutral-100 hover:underline"
                            aria-pressed={open?.from === c.from && open?.to === c.to}
                            aria-label={t("cellLabel", { from: grade(c.from), to: grade(c.to), count: c.count })}
                            onClick={() => setOpen(open?.from === c.from && open?.to === c.to ? null : c)}
                          >
                            {c.count}
                          </button>
                        ) : (
                          <span className="px-2 text-neutral-300">0</span>
                        )}
                      </TD>
                    ))}
                  </TR>
                ))}
              </TBody>
            </Table>
            {shown ? (
              <div className="rounded border border-neutral-200 bg-neutral-50 px-3 py-2 text-sm" data-testid="assessment-changes-units">
                <p className="mb-1 text-xs text-neutral-600">
                  {t("cellLabel", { from: grade(shown.from), to: grade(shown.to), count: shown.count })}
                </p>
                <ul className="flex flex-wrap gap-x-3 gap-y-1">
                  {shown.units.map((u) => (
                    <li key={u.unitId}>
                      <Link href={`/units/${u.unitId}`} className="text-party hover:underline">
                        {u.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="text-xs text-neutral-500">{t("cellHint")}</p>
            )}
            {!data.previousFrozen ? (
              <p className="text-xs text-neutral-500">{t("previousNotFrozen", { year: data.previousYear })}</p>
            ) : null}
          </div>
        )
      }
    </ChartFrame>
  );
}
