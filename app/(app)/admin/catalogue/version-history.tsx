"use client";

import { useTranslations, useLocale } from "next-intl";
import { Badge } from "~/app/_components/ui/badge";
import { useQuarterLabel, type CatalogueIndicator } from "./use-catalogue";
import { formatDateTime } from "~/app/_lib/format-date";

export const fmtNumber = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Every rules version of one indicator, newest first, marking the one in force and the frozen ones. */
export function VersionHistory({ indicator }: { indicator: CatalogueIndicator }) {
  const t = useTranslations("adminCatalogue");
  const locale = useLocale();
  const quarterLabel = useQuarterLabel();
  const rows = [...indicator.history].reverse();
  return (
    <table className="w-full text-xs" data-testid={`history-${indicator.code}`}>
      <thead className="text-left text-neutral-500">
        <tr>
          <th className="py-1 pr-2 font-normal">{t("columns.validFrom")}</th>
          <th className="px-2 font-normal">{t("columns.validTo")}</th>
          <th className="px-2 font-normal">{t("columns.direction")}</th>
          <th className="num px-2 font-normal">{t("columns.target")}</th>
          <th className="num px-2 font-normal">{t("columns.weight")}</th>
          <th className="px-2 font-normal">{t("columns.required")}</th>
          <th className="px-2 font-normal">{t("columns.changedBy")}</th>
          <th className="px-2 font-normal">{t("columns.changedAt")}</th>
          <th className="pl-2 font-normal">{t("columns.status")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((v) => (
          <tr key={v.validFrom} className="border-t border-neutral-200">
            <td className="py-1 pr-2 font-medium">{quarterLabel(v.validFrom)}</td>
            <td className="px-2 text-neutral-600">{quarterLabel(v.validTo)}</td>
            <td className="px-2">{t(`directions.${v.direction}`)}</td>
            <td className="num px-2">{fmtNumber(v.target)}</td>
            <td className="num px-2">{fmtNumber(v.weight)}</td>
            <td className="px-2">{v.required ? t("yes") : t("no")}</td>
            <td className="px-2 text-neutral-600">{v.createdBy ?? "—"}</td>
            <td className="px-2 text-neutral-600">{formatDateTime(v.createdAt, locale)}</td>
            <td className="space-x-1 pl-2">
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
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
