"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { Notice } from "~/app/_components/ui/notice";
import { Caption, Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { formatDate } from "~/app/_lib/format-date";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { unitYearHref } from "../../todo-assessment";

/** The overdue comment items (点评整改事项) of the caller's units, oldest deadline first, each opening its unit's year. */
export function OverdueItemsClient({ unitId }: { unitId: number }) {
  const t = useTranslations("assessmentWalk.overdueItems");
  const locale = useLocale();
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.assessment.overdueItems.queryOptions({ unitId }));
  return (
    <div className="space-y-4">
      <Link className="text-sm text-party underline" href="/">
        {t("back")}
      </Link>
      {error ? (
        <Notice tone="error">{describeError(error).message}</Notice>
      ) : !data ? (
        <p className="text-sm text-neutral-500">{t("loading")}</p>
      ) : (
        <Card>
          <CardHeader
            title={t("title", { count: data.total })}
            description={data.total > data.rows.length ? t("more", { shown: data.rows.length, total: data.total }) : t("hint")}
          />
          {data.rows.length === 0 ? (
            <p className="px-4 py-6 text-sm text-neutral-500">{t("empty")}</p>
          ) : (
            <Table data-testid="overdue-items-list">
              <Caption className="sr-only">{t("title", { count: data.total })}</Caption>
              <THead className="text-left text-xs text-neutral-500">
                <TR>
                  <TH scope="col" className="py-1.5 pl-4 font-normal">
                    {t("unit")}
                  </TH>
                  <TH scope="col" className="font-normal">
                    {t("year")}
                  </TH>
                  <TH scope="col" className="font-normal">
                    {t("content")}
                  </TH>
                  <TH scope="col" className="font-normal">
                    {t("deadline")}
                  </TH>
                  <TH scope="col" className="pr-4" />
                </TR>
              </THead>
              <TBody>
                {data.rows.map((r) => (
                  <TR key={r.id} className="border-t border-neutral-100" data-testid="overdue-item-row">
                    <TD className="py-1.5 pl-4">{r.unitName}</TD>
                    <TD className="whitespace-nowrap">{t("yearValue", { year: r.year })}</TD>
                    <TD>{r.content}</TD>
                    <TD className="whitespace-nowrap text-red-800">{formatDate(r.deadline, locale)}</TD>
                    <TD className="pr-4 text-right">
                      <Link className="text-party hover:underline" href={unitYearHref(r.unitId, r.year)}>
                        {t("open")}
                      </Link>
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      )}
    </div>
  );
}
