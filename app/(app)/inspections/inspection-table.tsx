"use client";

import { useTranslations, useLocale } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import type { InspectionResult, InspectionSubject } from "~/lib/codes";
import { openCaseHref } from "./params";
import { ResultBadge } from "./result-badge";
import { formatDate } from "~/app/_lib/format-date";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";

export type InspectionRow = {
  id: number;
  unitId: number;
  unitName: string;
  inspectedOn: string;
  quarter: string;
  subject: InspectionSubject;
  personName: string | null;
  officerId: number | null;
  secretaryName: string | null;
  inspectorName: string;
  result: InspectionResult;
  findings: string;
  reportedUpward: boolean;
  version: number;
  caseIds: number[];
};

const columns = ["date", "unit", "subject", "result", "findings", "reported", "inspector", "actions"] as const;

/** The inspections, newest first; writers edit a row, open a case on one short of 合格, or withdraw one no case rests on. */
export function InspectionTable({
  rows,
  canWrite,
  onEdit,
  onWithdraw,
}: {
  rows: InspectionRow[];
  canWrite: boolean;
  onEdit: (row: InspectionRow) => void;
  onWithdraw: (row: InspectionRow) => void;
}) {
  const t = useTranslations("inspections");
  const locale = useLocale();
  return (
    <div className="overflow-x-auto rounded border border-neutral-200 bg-white">
      <Table data-testid="inspections-table">
        <THead className="bg-neutral-50 text-left text-xs text-neutral-600">
          <TR>
            {columns.map((c) => (
              <TH key={c} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {t(`columns.${c}`)}
              </TH>
            ))}
          </TR>
        </THead>
        <TBody className="divide-y divide-neutral-100">
          {rows.map((r) => (
            <TR key={r.id} id={`inspection-${r.id}`} data-inspection={r.id} className="align-top target:bg-amber-50">
              <TD className="px-3 py-2 whitespace-nowrap tabular-nums">{formatDate(r.inspectedOn, locale)}</TD>
              <TD className="px-3 py-2">{r.unitName}</TD>
              <TD className="px-3 py-2 whitespace-nowrap">
                {t(`subjects.${r.subject}`)}
                {r.personName ? <span className="text-neutral-600"> · {r.personName}</span> : null}
                {/* The secretary in post on the date, from the roster, linked to their record (beside any name typed). */}
                {r.officerId && r.secretaryName && r.secretaryName !== r.personName ? (
                  <Link
                    href={`/officers/${r.officerId}`}
                    className="text-party underline underline-offset-2"
                    data-testid="inspection-secretary"
                  >
                    {r.personName ? `（${r.secretaryName}）` : ` · ${r.secretaryName}`}
                  </Link>
                ) : null}
              </TD>
              <TD className="px-3 py-2">
                <ResultBadge result={r.result} />
              </TD>
              <TD className="max-w-sm px-3 py-2">
                <p className="line-clamp-2" title={r.findings}>
                  {r.findings || "—"}
                </p>
              </TD>
              <TD className="px-3 py-2 whitespace-nowrap">
                {r.reportedUpward ? t("reportedYes") : <span className="text-neutral-500">{t("reportedNo")}</span>}
              </TD>
              <TD className="px-3 py-2 whitespace-nowrap">{r.inspectorName}</TD>
              <TD className="px-3 py-2">
                <div className="flex items-center gap-3 whitespace-nowrap">
                  {r.caseIds.map((id) => (
                    <Link key={id} className="text-party hover:underline" href={`/cases/${id}`}>
                      {t("caseLinked", { id })}
                    </Link>
                  ))}
                  {canWrite && r.result !== "pass" ? (
                    <Link className="text-party hover:underline" href={openCaseHref(r)} data-testid="open-case">
                      {t("openCase")}
                    </Link>
                  ) : null}
                  {canWrite ? (
                    <button type="button" className="text-neutral-700 hover:underline" onClick={() => onEdit(r)}>
                      {t("edit")}
                    </button>
                  ) : null}
                  {canWrite && r.caseIds.length === 0 ? (
                    <button type="button" className="text-neutral-700 hover:underline" onClick={() => onWithdraw(r)}>
                      {t("withdraw.action")}
                    </button>
                  ) : null}
                </div>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
