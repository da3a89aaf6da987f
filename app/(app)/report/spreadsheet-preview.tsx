"use client";

import { useLocale, useTranslations } from "next-intl";
import { Badge } from "~/app/_components/ui/badge";
import { statusTone } from "~/app/_lib/status";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { formatQuarter } from "~/lib/quarter";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { SheetErrorList } from "~/app/_components/sheet-error-list";

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
          <Table className="min-w-[44rem]">
            <THead className="bg-neutral-50 text-xs text-neutral-600">
              <TR>
                <TH rowSpan={2} className="px-3 py-1.5 text-left font-medium">
                  {s("unit")}
                </TH>
                <TH rowSpan={2} className="px-2 text-left font-medium">
                  {s("quarter")}
                </TH>
                <TH rowSpan={2} className="px-2 text-left font-medium">
                  {s("status")}
                </TH>
                <TH colSpan={4} className="border-b border-l border-neutral-200 px-2 py-1 text-center font-medium">
                  {s("values")}
                </TH>
                <TH rowSpan={2} className="border-l border-neutral-200 px-2 text-left font-medium">
                  {s("meetings")}
                </TH>
                <TH rowSpan={2} className="px-3 text-left font-medium">
                  {s("result")}
                </TH>
              </TR>
              <TR>
                {(["create", "update", "clear", "unchanged"] as const).map((k, i) => (
                  <TH key={k} className={`px-2 py-1 text-right font-normal ${i === 0 ? "border-l border-neutral-200" : ""}`}>
                    {s(k)}
                  </TH>
                ))}
              </TR>
            </THead>
            <TBody>
              {preview.groups.map((g) => (
                <TR key={`${g.unitId}-${g.quarter}`} className="border-t border-neutral-100" data-group={`${g.unitId}-${g.quarter}`}>
                  <TD className="px-3 py-1.5">{g.unitName}</TD>
                  <TD className="whitespace-nowrap px-2">{formatQuarter(g.quarter, locale)}</TD>
                  <TD className="px-2">
                    {g.status ? (
                      <Badge tone={statusTone[g.status]}>{t(`status.${g.status}`)}</Badge>
                    ) : (
                      <span className="text-xs text-neutral-500">{s("noReport")}</span>
                    )}
                  </TD>
                  <TD className={`${num} border-l border-neutral-100`}>{g.values.create}</TD>
                  <TD className={num}>{g.values.update}</TD>
                  <TD className={num}>{g.values.clear}</TD>
                  <TD className={`${num} text-neutral-500`}>{g.values.unchanged}</TD>
                  <TD className="whitespace-nowrap border-l border-neutral-100 px-2 text-neutral-700">{s("meetingCounts", g.meetings)}</TD>
                  <TD className="whitespace-nowrap px-3">
                    {preview.errorCount > 0 ? (
                      <span className="text-red-800">{s("blocked")}</span>
                    ) : g.unchanged ? (
                      <span className="text-neutral-500">{s("noChange")}</span>
                    ) : (
                      <span className="font-medium text-party">{s("willChange")}</span>
                    )}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </div>
      ) : null}

      {preview.errorCount > 0 ? <SheetErrorList errors={preview.errors} errorCount={preview.errorCount} /> : null}
    </div>
  );
}
