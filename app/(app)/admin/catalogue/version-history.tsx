"use client";

import { useTranslations, useLocale } from "next-intl";
import { Badge } from "~/app/_components/ui/badge";
import { useQuarterLabel, type CatalogueIndicator } from "./use-catalogue";
import { formatDateTime } from "~/app/_lib/format-date";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";

export const fmtNumber = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Every rules version of one indicator, newest first, marking the one in force and the frozen ones. */
export function VersionHistory({ indicator }: { indicator: CatalogueIndicator }) {
  const t = useTranslations("adminCatalogue");
  const locale = useLocale();
  const quarterLabel = useQuarterLabel();
  const rows = [...indicator.history].reverse();
  return (
    <Table className="w-full text-xs" data-testid={`history-${indicator.code}`}>
      <THead className="text-left text-neutral-500">
        <TR>
          <TH className="py-1 pr-2 font-normal">{t("columns.validFrom")}</TH>
          <TH className="px-2 font-normal">{t("columns.validTo")}</TH>
          <TH className="px-2 font-normal">{t("columns.direction")}</TH>
          <TH className="num px-2 font-normal">{t("columns.target")}</TH>
          <TH className="num px-2 font-normal">{t("columns.weight")}</TH>
          <TH className="px-2 font-normal">{t("columns.required")}</TH>
          <TH className="px-2 font-normal">{t("columns.changedBy")}</TH>
          <TH className="px-2 font-normal">{t("columns.changedAt")}</TH>
          <TH className="pl-2 font-normal">{t("columns.status")}</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((v) => (
          <TR key={v.validFrom} className="border-t border-neutral-200">
            <TD className="py-1 pr-2 font-medium">{quarterLabel(v.validFrom)}</TD>
            <TD className="px-2 text-neutral-600">{quarterLabel(v.validTo)}</TD>
            <TD className="px-2">{t(`directions.${v.direction}`)}</TD>
            <TD className="num px-2">{fmtNumber(v.target)}</TD>
            <TD className="num px-2">{fmtNumber(v.weight)}</TD>
            <TD className="px-2">{v.required ? t("yes") : t("no")}</TD>
            <TD className="px-2 text-neutral-600">{v.createdBy ?? "—"}</TD>
            <TD className="px-2 text-neutral-600">{formatDateTime(v.createdAt, locale)}</TD>
            <TD className="space-x-1 pl-2">
              {v.inForce ? (
                <Badge tone="success">{t("status.inForce")}</Badge>
              ) : v.validTo === null || v.validFrom > (indicator.current?.validFrom ?? "") ? (
                <Badge tone="info">{t("status.scheduled")}</Badge>
              ) : (
                <Badge>{t("status.superseded")}</Badge>
              )}
              {v.locked ? (
                <span title={t("status.lockedHint")}>
                  <Badge tone="warning">{t("status.locked")}</Badge>
                </span>
              ) : null}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
