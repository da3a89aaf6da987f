"use client";

import { formatQuarter } from "~/lib/quarter";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "~/app/_components/ui/badge";
import { Button } from "~/app/_components/ui/button";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import type { ListCasesInput } from "~/app/_lib/api-types";
import { CaseFilters } from "./case-filters";
import { CaseForm } from "./case-form";
import { casesHref, type CasePrefill } from "./params";
import { statusTone } from "./tones";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { dashboardHref } from "~/app/(app)/dashboard/dashboard-tabs";

/** The cases of a subtree with URL-held filters; reviewers and admins can open a case here. */
export function CasesClient({ filters, prefill }: { filters: ListCasesInput; prefill: CasePrefill }) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const list = useQuery(trpc.case.list.queryOptions(filters));
  const [creating, setCreating] = useState(prefill !== null);
  const canWrite = list.data?.canWrite ?? false;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 rounded border border-neutral-200 bg-white px-4 py-3">
        <h1 className="mr-auto text-lg font-semibold">{t("cases.heading")}</h1>
        <Link href={dashboardHref("/cases/dashboard", { unit: filters.unitId })} className="self-center text-sm text-party hover:underline">
          {t("caseDashboard.heading")}
        </Link>
        {canWrite ? (
          <Button type="button" onClick={() => setCreating(true)}>
            {t("cases.open")}
          </Button>
        ) : null}
      </div>
      <CaseFilters filters={filters} />
      {list.error ? (
        <Notice tone="error">{t("common.error", { message: describeError(list.error).message })}</Notice>
      ) : !list.data ? (
        <p className="text-sm text-neutral-500">{t("cases.loading")}</p>
      ) : (
        <>
          {!canWrite ? <Notice>{t("cases.readOnly")}</Notice> : null}
          {list.data.cases.length === 0 ? (
            <p className="rounded border border-neutral-200 bg-white px-4 py-3 text-sm text-neutral-500">{t("cases.empty")}</p>
          ) : (
            <div className="overflow-x-auto rounded border border-neutral-200 bg-white">
              <Table data-testid="cases-table">
                <THead className="bg-neutral-50 text-left text-xs text-neutral-600">
                  <TR>
                    {(["id", "unit", "subject", "category", "form", "status", "quarter", "items"] as const).map((c) => (
                      <TH key={c} scope="col" className="px-3 py-2 font-medium">
                        {t(`cases.columns.${c}`)}
                      </TH>
                    ))}
                  </TR>
                </THead>
                <TBody className="divide-y divide-neutral-100">
                  {list.data.cases.map((c) => (
                    <TR key={c.id} data-case={c.id}>
                      <TD className="px-3 py-2">
                        <Link className="text-party hover:underline" href={`/cases/${c.id}`}>
                          #{c.id}
                        </Link>
                      </TD>
                      <TD className="px-3 py-2">{c.unitName}</TD>
                      <TD className="px-3 py-2">{t(`cases.subjects.${c.subject}`)}</TD>
                      <TD className="px-3 py-2">{t(`categories.${c.category}`)}</TD>
                      <TD className="px-3 py-2">{t(`cases.forms.${c.form}`)}</TD>
                      <TD className="px-3 py-2">
                        <Badge tone={statusTone[c.status]}>{t(`cases.statuses.${c.status}`)}</Badge>
                      </TD>
                      <TD className="px-3 py-2 whitespace-nowrap">{formatQuarter(c.quarter, locale)}</TD>
                      <TD className="px-3 py-2 whitespace-nowrap">
                        {c.openItems > 0 ? t("cases.columns.itemsCount", { open: c.openItems }) : "—"}{" "}
                        {c.overdueItems > 0 ? (
                          <Badge tone="warning">
                            {t("cases.overdue")} · {t("cases.columns.overdueCount", { count: c.overdueItems })}
                          </Badge>
                        ) : null}
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            </div>
          )}
        </>
      )}
      {creating && canWrite ? (
        <CaseForm
          sourceUnitId={prefill ? filters.unitId : null}
          prefill={prefill}
          onClose={() => {
            setCreating(false);
            // A pre-filled form the reviewer dismissed stays dismissed: a reload or a later 立案问责 opened it pre-filled again.
            if (prefill) router.replace(casesHref(filters), { scroll: false });
          }}
          onCreated={(id) => router.push(`/cases/${id}`)}
        />
      ) : null}
    </div>
  );
}
