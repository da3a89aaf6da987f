"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { ChartData } from "./chart-data";
import type { PngHeader } from "./export-png";
import { formatExportDate, useChartExportScope } from "./export-meta";

const action =
  "rounded px-1.5 py-0.5 text-xs text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900 disabled:cursor-not-allowed disabled:text-neutral-300 disabled:hover:bg-transparent";

/** The export code, loaded with the first export (chart-export.ts): not part of the page's first load. */
const loadExports = () => import("./chart-export");
type Exports = Awaited<ReturnType<typeof loadExports>>;

/** “导出图片”, “下载 CSV”, “下载 Excel” for one chart; all three use the rows the chart draws. */
export function ChartActions(props: { exportName: string; data: ChartData; chart: () => Element | null; header: PngHeader }) {
  const t = useTranslations("charts");
  const locale = useLocale();
  const scope = useChartExportScope();
  const [busy, setBusy] = useState<"png" | "csv" | "xlsx" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const empty = props.data.rows.length === 0;

  /** Runs one export; a failure shows its message (or “导出失败”) under the buttons. */
  const run = (kind: "png" | "csv" | "xlsx", job: (m: Exports) => Promise<{ blob: Blob; fileName: string }>) => async () => {
    setBusy(kind);
    setError(null);
    try {
      const m = await loadExports();
      const file = await job(m);
      m.downloadBlob(file.blob, file.fileName);
    } catch (err) {
      setError(err instanceof Error && err.message ? err.message : t("exportFailed"));
    } finally {
      setBusy(null);
    }
  };

  const png = run("png", async (m) => {
    const el = props.chart();
    if (!el) throw new Error(t("exportFailed"));
    // The picture carries what it shows and when: scope, quarter range, export date.
    const date = formatExportDate(new Date(), locale);
    const meta = [scope ? t("exportMeta", { ...scope, date }) : null, ...(props.header.meta ?? [])].filter((l): l is string => !!l);
    const file = await m.pngFile(props.exportName, el, { ...props.header, meta });
    if (!file) throw new Error(t("exportFailed"));
    return file;
  });
  const csv = run("csv", (m) => Promise.resolve(m.csvFile(props.exportName, props.data)));
  const xlsx = run("xlsx", async (m) => {
    const file = await m.xlsxFile(props.exportName, { title: props.header.title, ...props.data }, document.documentElement.lang);
    if ("error" in file) throw new Error(file.error ?? t("exportFailed"));
    return file;
  });

  return (
    <div className="flex shrink-0 flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-0.5" role="group" aria-label={t("exportGroup")}>
        <button type="button" className={action} onClick={png} disabled={empty || busy !== null}>
          {busy === "png" ? t("exporting") : t("exportPng")}
        </button>
        <button type="button" className={action} onClick={csv} disabled={empty || busy !== null}>
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
