"use client";

import { useLocale, useTranslations } from "next-intl";
import { Badge } from "~/app/_components/ui/badge";
import { statusTone } from "~/app/_lib/status";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { formatQuarter } from "~/lib/quarter";

export type Preview = RouterOutputs["spreadsheet"]["preview"];

const num = "num px-2 py-1.5 text-right tabular-nums";

/** What an uploaded file would change, per unit and quarter, and every error with its sheet/row/column. */
export function SpreadsheetPreview({ preview }: { preview: Preview }) {
  const t = useTranslations();
  const locale = useLocale();
  const s = (key: string, values?: Record<string, string | number>) => t(`spreadsheet.${key}`, values);

  return (
    <div className="space-y-3" data-testid="spreadsheet-preview">
      <h3 className="text-sm font-semibold">{s("previewOf", { file: preview.fileName })}</h3>
      {preview.groups.length > 0 ? (
        <div className="overflow-x-auto rounded border border-neutral-200">
          <table className="w-full min-w-[44rem] text-sm">
            <thead className="bg-neutral-50 text-xs text-neutral-600">
              <tr>
                <th rowSpan={2} className="px-3 py-1.5 text-left font-medium">
                  {s("unit")}
                </th>
                <th rowSpan={2} className="px-2 text-left font-medium">
                  {s("quarter")}
                </th>
                <th rowSpan={2} className="px-2 text-left font-medium">
                  {s("status")}
                </th>
                <th colSpan={4} className="border-b border-l border-neutral-200 px-2 py-1 text-center font-medium">
                  {s("values")}
                </th>
                <th rowSpan={2} className="border-l border-neutral-200 px-2 text-left font-medium">
                  {s("meetings")}
                </th>
                <th rowSpan={2} className="px-3 text-left font-medium">
                  {s("result")}
                </th>
              </tr>
              <tr>
                {(["create", "update", "clear", "unchanged"] as const).map((k, i) => (
                  <th key={k} className={`px-2 py-1 text-right font-normal ${i === 0 ? "border-l border-neutral-200" : ""}`}>
                    {s(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.groups.map((g) => (
                <tr key={`${g.unitId}-${g.quarter}`} className="border-t border-neutral-100" data-group={`${g.unitId}-${g.quarter}`}>
                  <td className="px-3 py-1.5">{g.unitName}</td>
                  <td className="whitespace-nowrap px-2">{formatQuarter(g.quarter, locale)}</td>
                  <td className="px-2">
                    {g.status ? (
                      <Badge tone={statusTone[g.status]}>{t(`status.${g.status}`)}</Badge>
                    ) : (
                      <span className="text-xs text-neutral-500">{s("noReport")}</span>
                    )}
                  </td>
                  <td className={`${num} border-l border-neutral-100`}>{g.values.create}</td>
                  <td className={num}>{g.values.update}</td>
                  <td className={num}>{g.values.clear}</td>
                  <td className={`${num} text-neutral-500`}>{g.values.unchanged}</td>
                  <td className="whitespace-nowrap border-l border-neutral-100 px-2 text-neutral-700">{s("meetingCounts", g.meetings)}</td>
                  <td className="whitespace-nowrap px-3">
                    {preview.errorCount > 0 ? (
                      <span className="text-red-800">{s("blocked")}</span>
                    ) : g.unchanged ? (
                      <span className="text-neutral-500">{s("noChange")}</span>
                    ) : (
                      <span className="font-medium text-party">{s("willChange")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {preview.errorCount > 0 ? <SheetErrorList errors={preview.errors} errorCount={preview.errorCount} /> : null}
    </div>
  );
}

/** Every error of a file by sheet, row and column (the preview's, or a finished import job's). */
export function SheetErrorList({ errors, errorCount }: { errors: Preview["errors"]; errorCount: number }) {
  const t = useTranslations("spreadsheet");
  const s = (key: string, values?: Record<string, string | number>) => t(key, values);
  return (
    <div role="alert" className="rounded border border-red-200 bg-red-50">
      <p className="px-3 py-2 text-sm font-medium text-red-800">{s("errorsHeading", { count: errorCount })}</p>
      <div className="max-h-80 overflow-y-auto border-t border-red-200 bg-white">
        <table className="w-full text-sm" data-testid="spreadsheet-errors">
          <thead className="sticky top-0 bg-neutral-50 text-left text-xs text-neutral-600">
            <tr>
              <th className="w-20 px-3 py-1.5 font-medium">{s("sheet")}</th>
              <th className="w-20 px-2 font-medium">{s("row")}</th>
              <th className="w-32 px-2 font-medium">{s("column")}</th>
              <th className="px-2 font-medium">{s("message")}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={i} className="border-t border-neutral-100 align-top">
                <td className="px-3 py-1.5">{e.sheet}</td>
                <td className="whitespace-nowrap px-2 py-1.5">{s("rowNumber", { row: e.row })}</td>
                <td className="px-2 py-1.5">{e.column ?? "—"}</td>
                <td className="px-2 py-1.5 text-red-800">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errorCount > errors.length ? (
        <p className="border-t border-red-200 px-3 py-2 text-sm text-red-800">{s("moreErrors", { count: errorCount - errors.length })}</p>
      ) : null}
    </div>
  );
}
