"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "~/app/_components/ui/badge";
import { inputClass } from "~/app/_components/ui/field";
import { useTRPC } from "~/app/_lib/trpc/react";
import { describeError } from "~/app/_lib/trpc/errors";
import { formatQuarter } from "~/server/lib/quarter";
import { ReportForm } from "./report-form";

const statusTone = { draft: "neutral", submitted: "info", approved: "success", returned: "warning" } as const;

export function ReportClient(props: { unitId: number; quarter: string; quarters: string[]; running: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const format = useFormatter();
  const router = useRouter();
  const pathname = usePathname();
  const trpc = useTRPC();
  const report = useQuery(trpc.report.get.queryOptions({ unitId: props.unitId, quarter: props.quarter }));
  const indicators = useQuery(trpc.indicator.list.queryOptions({ quarter: props.quarter }));
  const tree = useQuery(trpc.unit.tree.queryOptions());

  // Bumped after "load the latest values", so the form starts again from the stored report.
  const [reloads, setReloads] = useState(0);
  const go = (unitId: number, quarter: string) => router.push(`${pathname}?unit=${unitId}&quarter=${quarter}`);
  const error = report.error ?? indicators.error;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 rounded border border-neutral-200 bg-white px-4 py-3">
        <h1 className="mr-auto text-lg font-semibold">{t("report.heading")}</h1>
        <label className="text-sm">
          <span className="mb-1 block text-neutral-600">{t("report.unitLabel")}</span>
          <select
            className={`${inputClass} min-w-64`}
            value={props.unitId}
            onChange={(e) => go(Number(e.target.value), props.quarter)}
          >
            {(tree.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {"\u3000".repeat(Math.max(0, u.depth - (tree.data?.[0]?.depth ?? 0)))}
                {u.name}
              </option>
            ))}
            {tree.data?.some((u) => u.id === props.unitId) ? null : <option value={props.unitId}>{report.data?.unitName ?? props.unitId}</option>}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-neutral-600">{t("report.quarterLabel")}</span>
          <select className={inputClass} value={props.quarter} onChange={(e) => go(props.unitId, e.target.value)}>
            {props.quarters.map((q) => (
              <option key={q} value={q}>
                {formatQuarter(q, locale)}
                {q === props.running ? t("report.running") : ""}
              </option>
            ))}
          </select>
        </label>
        {report.data ? (
          <div className="text-sm">
            <span className="mb-1 block text-neutral-600">{t("report.status")}</span>
            <span className="flex h-8 items-center gap-2">
              <Badge tone={statusTone[report.data.status]}>{t(`status.${report.data.status}`)}</Badge>
              <span className="text-xs text-neutral-500">
                {report.data.updatedAt
                  ? t("report.lastSaved", {
                      who: report.data.updatedByName ?? "—",
                      when: format.dateTime(report.data.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
                    })
                  : t("report.neverSaved")}
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
        <ReportForm
          key={`${report.data.unitId}-${report.data.quarter}-${reloads}`}
          report={report.data}
          indicators={indicators.data}
          onReload={() => void report.refetch().then(() => setReloads((n) => n + 1))}
        />
      ) : (
        <p className="text-sm text-neutral-500">{t("common.loading")}</p>
      )}
    </div>
  );
}
