"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations, useLocale } from "next-intl";
import { useState } from "react";
import { Badge } from "~/app/_components/ui/badge";
import { UnitQuarterPicker } from "~/app/_components/unit-quarter-picker";
import { statusTone } from "~/app/_lib/status";
import { useTRPC } from "~/app/_lib/trpc/react";
import { describeError } from "~/app/_lib/trpc/errors";
import { ReportForm } from "./report-form";
import { SpreadsheetPanel } from "./spreadsheet-panel";
import { WorkflowPanel } from "./workflow-panel";
import { formatDateTime } from "~/app/_lib/format-date";

export function ReportClient(props: { unitId: number; quarter: string; quarters: string[]; running: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const report = useQuery(trpc.report.get.queryOptions({ unitId: props.unitId, quarter: props.quarter }));
  const indicators = useQuery(trpc.indicator.list.queryOptions({ quarter: props.quarter }));

  // Bumped after "load the latest values", so the form starts again from the stored report.
  const [reloads, setReloads] = useState(0);
  const error = report.error ?? indicators.error;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 rounded border border-neutral-200 bg-white px-4 py-3">
        <h1 className="mr-auto text-lg font-semibold">{t("report.heading")}</h1>
        <UnitQuarterPicker unitId={props.unitId} quarter={props.quarter} quarters={props.quarters} running={props.running} />
        {report.data ? (
          <div className="text-sm">
            <span className="mb-1 block text-neutral-600">{t("report.status")}</span>
            <span className="flex h-8 items-center gap-2">
              {/* A report never saved reads as a draft of version 0 (contract); show it as not started. */}
              <Badge tone={statusTone[report.data.version === 0 ? "not_started" : report.data.status]}>
                {t(`status.${report.data.version === 0 ? "not_started" : report.data.status}`)}
              </Badge>
              <span className="text-xs text-neutral-500">
                {/* A report whose saver is unknown (the demo's seeded reports) names no one: "最后保存：—，…" read as a fault. */}
                {!report.data.updatedAt
                  ? t("report.neverSaved")
                  : report.data.updatedByName
                    ? t("report.lastSaved", { who: report.data.updatedByName, when: formatDateTime(report.data.updatedAt, locale) })
                    : t("report.lastSavedAt", { when: formatDateTime(report.data.updatedAt, locale) })}
              </span>
            </span>
          </div>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {t("common.error", { message: describeError(error).message })}
        </p>
      ) : report.data && indicators.data ? (
        <>
          <WorkflowPanel report={report.data} />
          <SpreadsheetPanel
            unitId={props.unitId}
            quarter={props.quarter}
            running={props.running}
            onImported={() => void report.refetch().then(() => setReloads((n) => n + 1))}
          />
          <ReportForm
            key={`${report.data.unitId}-${report.data.quarter}-${reloads}`}
            report={report.data}
            indicators={indicators.data}
            onReload={() => void report.refetch().then(() => setReloads((n) => n + 1))}
          />
        </>
      ) : (
        <p className="text-sm text-neutral-500">{t("common.loading")}</p>
      )}
    </div>
  );
}
