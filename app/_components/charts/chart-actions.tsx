"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { ChartData } from "./chart-data";
import { toCsv } from "./csv";
import { downloadBlob } from "./download";
import { sanitiseFileName } from "~/lib/file-name";
import type { PngHeader } from "./export-png";
import { formatExportDate, useChartExportScope } from "./export-meta";

const action =
  "rounded px-1.5 py-0.5 text-xs text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900 disabled:cursor-not-allowed disabled:text-neutral-300 disabled:hover:bg-transparent";

/** “导出图片”, “下载 CSV”, “下载 Excel” for one chart; all three use the rows the chart draws. */
export function ChartActions(props: { exportName: string; data: ChartData; chart: () => Element | null; header: PngHeader }) {
  const t = useTranslations("charts");
  const locale = useLocale();
  const scope = useChartExportScope();
  const [busy, setBusy] = useState<"png" | "xlsx" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = sanitiseFileName(props.exportName);
  const empty = props.data.rows.length === 0;

  const run = async (kind: "png" | "xlsx", job: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    try {
      await job();
    } catch (err) {
      setError(err instanceof Error && err.message ? err.message : t("exportFailed"));
    } finally {
      setBusy(null);
    }
  };

  const png = () =>
    run("png", async () => {
      const el = props.chart();
      if (!el) throw new Error(t("exportFailed"));
      // Loaded on first use: the canvas code is not part of the page's first load.
      const { chartToPng } = await import("./export-png");
      // The picture carries what it shows and when: scope, quarter range, export date.
      const date = formatExportDate(new Date(), locale);
      const meta = [scope ? t("exportMeta", { ...scope, date }) : null, ...(props.header.meta ?? [])].filter((l): l is string => !!l);
      // chartToPng's own errors are technical: the user reads the translated message.
      const png = await chartToPng(el, { ...props.header, meta }).catch(() => {
        throw new Error(t("exportFailed"));
      });
      downloadBlob(png, `${name}.png`);
    });
  const csv = () => downloadBlob(new Blob([toCsv(props.data)], { type: "text/csv;charset=utf-8" }), `${name}.csv`);
  const xlsx = () =>
    run("xlsx", async () => {
      const res = await fetch("/api/export/chart", {
        method: "POST",
        headers: { "content-type": "application/json", "x-ui-locale": document.documentElement.lang },
        body: JSON.stringify({ exportName: props.exportName, title: props.header.title, ...props.data }),
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? t("exportFailed"));
      }
      downloadBlob(await res.blob(), `${name}.xlsx`);
    });

  return (
    <div className="flex shrink-0 flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-0.5" role="group" aria-label={t("exportGroup")}>
        <button type="button" className={action} onClick={png} disabled={empty || busy !== null}>
          {busy === "png" ? t("exporting") : t("exportPng")}
        </button>
        <button type="button" className={action} onClick={csv} disabled={empty}>
          {t("downloadCsv")}
        </button>
        <button type="button" className={action} onClick={xlsx} disabled={empty || busy !== null}>
          {busy === "xlsx" ? t("exporting") : t("downloadXlsx")}
        </button>
      </div>
      {error ? (
        <p role="alert" className="max-w-64 text-right text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
