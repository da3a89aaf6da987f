"use client";

import { useTranslations, useLocale } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useTransition, type ComponentProps } from "react";
import { Badge } from "~/app/_components/ui/badge";
import { UnitQuarterPicker } from "~/app/_components/unit-quarter-picker";
import { statusTone } from "~/app/_lib/status";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { ReportForm } from "./report-form";
import { SpreadsheetPanel } from "./spreadsheet-panel";
import { WorkflowPanel } from "./workflow-panel";
import { formatDateTime } from "~/app/_lib/format-date";

type ReportData = {
  report: RouterOutputs["report"]["get"];
  indicators: RouterOutputs["indicator"]["list"];
  /** The quarter's category weights, for the live score preview. */
  weights: Record<string, number>;
};

export function ReportClient({
  data,
  error,
  canUpload,
  latestJobId,
  ...picker
}: ComponentProps<typeof UnitQuarterPicker> & {
  /** The page's reads, or null when one was refused (then `error` says why). */
  data: ReportData | null;
  error: React.ReactNode;
  canUpload: boolean;
  latestJobId: number | null;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();

  // Bumped once the page has been read again after "load the latest values" or an import, so the
  // form starts again from the stored report (saves keep the form: it shows what was saved).
  const [reloads, setReloads] = useState(0);
  const [reloading, startReload] = useTransition();
  const [wantReload, setWantReload] = useState(false);
  useEffect(() => {
    if (wantReload && !reloading) {
      setWantReload(false);
      setReloads((n) => n + 1);
    }
  }, [wantReload, reloading]);
  const reload = useCallback(() => {
    setWantReload(true);
    startReload(() => router.refresh());
  }, [router]);
  const report = data?.report;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 rounded border border-neutral-200 bg-white px-4 py-3">
        <h1 className="mr-auto text-lg font-semibold">{t("report.heading")}</h1>
        <UnitQuarterPicker {...picker} />
        {report ? (
          <div className="text-sm">
            <span className="mb-1 block text-neutral-600">{t("report.status")}</span>
            <span className="flex h-8 items-center gap-2">
              {/* A report never saved reads as a draft of version 0 (contract); show it as not started. */}
              <Badge tone={statusTone[report.version === 0 ? "not_started" : report.status]}>
                {t(`status.${report.version === 0 ? "not_started" : report.status}`)}
              </Badge>
              <span className="text-xs text-neutral-500">
                {/* A report whose saver is unknown (the demo's seeded reports) names no one: "最后保存：—，…" read as a fault. */}
                {!report.updatedAt
                  ? t("report.neverSaved")
                  : report.updatedByName
                    ? t("report.lastSaved", { who: report.updatedByName, when: formatDateTime(report.updatedAt, locale) })
                    : t("report.lastSavedAt", { when: formatDateTime(report.updatedAt, locale) })}
              </span>
            </span>
          </div>
        ) : null}
      </div>
      {!data ? (
        error
      ) : (
        <>
          <WorkflowPanel report={data.report} />
          <SpreadsheetPanel
            unitId={picker.unitId}
            quarter={picker.quarter}
            running={picker.running}
            canUpload={canUpload}
            latestJobId={latestJobId}
            onImported={reload}
          />
          <ReportForm
            key={`${data.report.unitId}-${data.report.quarter}-${reloads}`}
            report={data.report}
            indicators={data.indicators}
            weights={data.weights}
            onReload={reload}
          />
        </>
      )}
    </div>
  );
}
