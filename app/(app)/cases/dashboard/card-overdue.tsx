"use client";

import { useTranslations, useLocale } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { Badge } from "~/app/_components/ui/badge";
import { Card, CardHeader } from "~/app/_components/ui/card";
import type { CaseDashboard } from "~/app/_lib/api-types";
import { formatDate } from "~/app/_lib/format-date";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";

/** The most overdue rectification items (amber, as on the case list), each linked to its case. */
export function OverdueCard({ overdue }: { overdue: CaseDashboard["overdue"] }) {
  const t = useTranslations("caseDashboard");
  const locale = useLocale();
  const th = "px-3 py-2 font-medium";
  return (
    <Card data-testid="case-overdue">
      <CardHeader
        title={t("overdue.title")}
        description={t("overdue.desc")}
        actions={
          overdue.items > 0 ? (
            <span className="shrink-0 text-sm font-medium text-amber-800">
              {t("overdueSummary", { items: overdue.items, cases: overdue.cases })}
            </span>
          ) : undefined
        }
      />
      {overdue.list.length === 0 ? (
        <p className="px-4 py-3 text-sm text-neutral-500">{t("overdue.none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <Table data-testid="overdue-table">
            <THead className="bg-neutral-50 text-left text-xs text-neutral-600">
              <TR>
                <TH scope="col" className={th}>
                  {t("columns.case")}
                </TH>
                <TH scope="col" className={th}>
                  {t("columns.unit")}
                </TH>
                <TH scope="col" className={th}>
                  {t("columns.description")}
                </TH>
                <TH scope="col" className={th}>
                  {t("columns.owner")}
                </TH>
                <TH scope="col" className={th}>
                  {t("columns.deadline")}
                </TH>
                <TH scope="col" className={`${th} num`}>
                  {t("columns.daysOverdue")}
                </TH>
              </TR>
            </THead>
            <TBody className="divide-y divide-neutral-100">
              {overdue.list.map((i) => (
                <TR key={i.itemId} className="bg-amber-50/40" data-overdue-item={i.itemId} data-case={i.caseId}>
                  <TD className="px-3 py-1.5">
                    <Link className="text-party hover:underline" href={`/cases/${i.caseId}`}>
                      {t("caseNo", { id: i.caseId })}
                    </Link>
                  </TD>
                  <TD className="px-3 py-1.5">{i.unitName}</TD>
                  <TD className="px-3 py-1.5">{i.description}</TD>
                  <TD className="px-3 py-1.5 whitespace-nowrap">{i.owner}</TD>
                  <TD className="px-3 py-1.5 whitespace-nowrap text-amber-800">{formatDate(i.deadline, locale)}</TD>
                  <TD className="num px-3 py-1.5 whitespace-nowrap">
                    <Badge tone="warning">{t("overdue.days", { days: i.daysOverdue })}</Badge>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          {overdue.items > overdue.list.length ? (
            <p className="border-t border-neutral-100 px-4 py-2 text-xs text-neutral-500">
              {t("overdue.more", { count: overdue.items, shown: overdue.list.length })}
            </p>
          ) : null}
        </div>
      )}
    </Card>
  );
}
