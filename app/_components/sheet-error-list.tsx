"use client";

import { useTranslations } from "next-intl";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";

/** One error of an uploaded file as the server lists it (server/services/spreadsheet/sheet-errors.ts). */
export type SheetErrorView = { sheet: string; row: number; column: string | null; message: string };

/** Every error of a file by sheet, row and column (a preview's, a finished import job's, the officers roster's). */
export function SheetErrorList({ errors, errorCount }: { errors: SheetErrorView[]; errorCount: number }) {
  const t = useTranslations("spreadsheet");
  const s = (key: string, values?: Record<string, string | number>) => t(key, values);
  return (
    <div role="alert" className="rounded border border-red-200 bg-red-50">
      <p className="px-3 py-2 text-sm font-medium text-red-800">{s("errorsHeading", { count: errorCount })}</p>
      <div className="max-h-80 overflow-y-auto border-t border-red-200 bg-white">
        <Table data-testid="spreadsheet-errors">
          <THead className="sticky top-0 bg-neutral-50 text-left text-xs text-neutral-600">
            <TR>
              <TH className="w-20 px-3 py-1.5 font-medium">{s("sheet")}</TH>
              <TH className="w-20 px-2 font-medium">{s("row")}</TH>
              <TH className="w-32 px-2 font-medium">{s("column")}</TH>
              <TH className="px-2 font-medium">{s("message")}</TH>
            </TR>
          </THead>
          <TBody>
            {errors.map((e, i) => (
              <TR key={i} className="border-t border-neutral-100 align-top">
                <TD className="px-3 py-1.5">{e.sheet}</TD>
                <TD className="whitespace-nowrap px-2 py-1.5">{s("rowNumber", { row: e.row })}</TD>
                <TD className="px-2 py-1.5">{e.column ?? "—"}</TD>
                <TD className="px-2 py-1.5 text-red-800">{e.message}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </div>
      {errorCount > errors.length ? (
        <p className="border-t border-red-200 px-3 py-2 text-sm text-red-800">{s("moreErrors", { count: errorCount - errors.length })}</p>
      ) : null}
    </div>
  );
}
