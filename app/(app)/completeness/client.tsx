"use client";

import { useTranslations, useLocale } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { useState, type ComponentProps } from "react";
import { Badge } from "~/app/_components/ui/badge";
import { Card } from "~/app/_components/ui/card";
import { UnitQuarterPicker } from "~/app/_components/unit-quarter-picker";
import { formatScore } from "~/app/_lib/categories";
import { lastDueDay } from "~/app/_lib/deadline";
import { statusTone } from "~/app/_lib/status";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { SubtreeFiles } from "./subtree-files";
import { formatDate, formatDateTime } from "~/app/_lib/format-date";
import { isReportEditable } from "~/lib/status";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { unitQuarterHref } from "~/app/_lib/quarter-params";

type Filter = "notStarted" | "draft" | "submitted" | "approved" | "late" | "overdue";
type Completeness = RouterOutputs["completeness"]["get"];
type UnitRow = Completeness["units"][number];
const matches: Record<Filter, (u: UnitRow) => boolean> = {
  notStarted: (u) => u.state === "not_started",
  draft: (u) => u.state !== "not_started" && isReportEditable(u.state),
  submitted: (u) => u.state === "submitted",
  approved: (u) => u.state === "approved",
  late: (u) => u.late,
  overdue: (u) => u.overdue,
};

export function CompletenessClient({
  data,
  error,
  subtreeFiles,
  ...picker
}: ComponentProps<typeof UnitQuarterPicker> & {
  /** The page's read, or null when it was refused (then `error` says why). */
  data: Completeness | null;
  error: React.ReactNode;
  /** Admins get the subtree's template and export. */
  subtreeFiles: boolean;
}) {
  const t = useTranslations();
  const locale = useLocale();
  // Clicking a tile narrows the table to those units, to chase the missing ones.
  const [filter, setFilter] = useState<Filter | null>(null);

  const tiles = data
    ? ([
        ["total", data.summary.total],
        ["notStarted", data.summary.notStarted],
        ["draft", data.summary.draft + data.summary.returned],
        ["submitted", data.summary.submitted],
        ["approved", data.summary.approved],
        ["late", data.summary.late],
        ["overdue", data.summary.overdue],
      ] as const)
    : [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 rounded border border-neutral-200 bg-white px-4 py-3">
        <h1 className="mr-auto text-lg font-semibold">{t("completeness.heading")}</h1>
        <UnitQuarterPicker {...picker} />
      </div>
      {!data ? (
        error
      ) : (
        <>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8" data-testid="completeness-summary">
            <Card className="px-4 py-3">
              <div className="text-xs text-neutral-500">{t("completeness.onTimeRate")}</div>
              <div className="num text-2xl font-semibold text-party">
                {data.summary.onTimeRate === null ? "—" : `${formatScore(data.summary.onTimeRate)}%`}
              </div>
            </Card>
            {tiles.map(([key, n]) => {
              const active = key === "total" ? filter === null : filter === key;
              return (
                <button
                  key={key}
                  type="button"
                  data-tile={key}
                  aria-pressed={active}
                  onClick={() => setFilter(key === "total" || filter === key ? null : key)}
                  className={`rounded border bg-white px-4 py-3 text-left ${active ? "border-party ring-1 ring-party" : "border-neutral-200 hover:border-neutral-400"}`}
                >
                  <div className="text-xs text-neutral-500">{t(`completeness.tiles.${key}`)}</div>
                  <div className="num text-2xl font-semibold">{n}</div>
                </button>
              );
            })}
          </div>
          <p className="text-sm text-neutral-600">{t("completeness.deadline", { when: formatDate(lastDueDay(data.deadline), locale) })}</p>
          {subtreeFiles ? <SubtreeFiles unitId={data.unitId} quarter={data.quarter} running={picker.running} /> : null}
          <Card>
            <Table>
              <THead className="text-left text-xs text-neutral-500">
                <TR>
                  <TH className="py-2 pl-4 font-normal">{t("common.unit")}</TH>
                  <TH className="font-normal">{t("completeness.state")}</TH>
                  <TH className="font-normal">{t("completeness.submittedAt")}</TH>
                  <TH className="pr-4 font-normal" />
                </TR>
              </THead>
              <TBody>
                {(filter ? data.units.filter(matches[filter]) : data.units).map((u) => (
                  <TR key={u.id} className="border-t border-neutral-100" data-unit={u.name}>
                    <TD className="py-1.5 pl-4" style={{ paddingLeft: `${1 + u.depth * 1.25}rem` }}>
                      {u.name}
                    </TD>
                    <TD className="space-x-1">
                      <Badge tone={statusTone[u.state]}>{t(`status.${u.state}`)}</Badge>
                      {u.late ? <Badge tone="warning">{t("completeness.late")}</Badge> : null}
                      {u.overdue ? <Badge tone="warning">{t("completeness.overdue")}</Badge> : null}
                    </TD>
                    <TD className="text-neutral-600">{u.submittedAt ? formatDateTime(u.submittedAt, locale) : "—"}</TD>
                    <TD className="pr-4 text-right">
                      <Link className="text-party hover:underline" href={unitQuarterHref("/report", { unit: u.id, quarter: data.quarter })}>
                        {t("completeness.open")}
                      </Link>
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </Card>
        </>
      )}
    </div>
  );
}
