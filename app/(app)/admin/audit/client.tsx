"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useTransition } from "react";
import { Button } from "~/app/_components/ui/button";
import { Notice } from "~/app/_components/ui/notice";
import type { PickedUnit } from "~/app/_components/unit-picker/unit-picker";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { Lookups } from "./describe";
import { AUDIT_COLUMNS, EntryRow } from "./entry-row";
import { auditHref, filtersToSearch, type AuditFilters } from "./filters";
import { FiltersForm } from "./filters-form";
import type { AuditLogRead } from "./read-log";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";

/**
 * The log as the server read it for the URL's filters (`pages` pages long), and `unit`, the
 * filter's unit. Applying the filters navigates (the table shows 正在加载 until the new page is
 * there); “加载更多” asks for the page one page longer, in place.
 */
export function AuditClient(props: { filters: AuditFilters; pages: number; log: PageRead<AuditLogRead>; unit: PickedUnit | null }) {
  const { filters, log } = props;
  const t = useTranslations();
  const router = useRouter();
  const [filtering, startFiltering] = useTransition();
  const [loadingMore, startLoadingMore] = useTransition();
  const data = log.ok ? log.data : null;
  const entries = data?.items ?? [];
  const error = log.ok ? null : { message: log.message, fieldErrors: log.fieldErrors ?? {} };
  // Ids and codes in before/after read as the names the admin knows.
  const lookups = useMemo<Lookups>(() => {
    const unitNames = data?.unitNames ?? {};
    const indicatorNames = data?.indicatorNames ?? {};
    return { unitName: (id) => unitNames[id], indicatorName: (code) => indicatorNames[code] };
  }, [data]);

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-lg font-semibold">{t("adminAudit.heading")}</h1>
        <p className="mt-1 text-xs text-neutral-600">{t("adminAudit.intro")}</p>
      </div>
      <FiltersForm
        key={filtersToSearch(filters)}
        filters={filters}
        unit={props.unit}
        errors={error?.fieldErrors ?? {}}
        onApply={(next) => startFiltering(() => router.push(auditHref(next)))}
      />
      {error && Object.keys(error.fieldErrors).length === 0 ? (
        <Notice tone="error">{t("common.error", { message: error.message })}</Notice>
      ) : null}
      <div className="rounded border border-neutral-200 bg-white" aria-busy={filtering || loadingMore || undefined}>
        <Table data-testid="audit-table">
          <THead className="bg-neutral-50 text-left text-xs text-neutral-500">
            <TR>
              <TH className="w-40 py-1.5 pl-4 pr-2 font-normal">{t("adminAudit.columns.at")}</TH>
              <TH className="px-2 font-normal">{t("auditWords.columns.record")}</TH>
              <TH className="w-52 px-2 font-normal">{t("adminAudit.columns.unit")}</TH>
              <TH className="w-20 py-1.5 pl-2 pr-4 text-right font-normal">{t("adminAudit.columns.details")}</TH>
            </TR>
          </THead>
          <TBody>
            {filtering ? null : entries.map((e) => <EntryRow key={e.id} entry={e} lookups={lookups} />)}
            {filtering ? (
              <TR>
                <TD colSpan={AUDIT_COLUMNS} className="px-4 py-6 text-center text-sm text-neutral-500">
                  {t("common.loading")}
                </TD>
              </TR>
            ) : entries.length === 0 && !error ? (
              <TR>
                <TD colSpan={AUDIT_COLUMNS} className="px-4 py-6 text-center text-sm text-neutral-500">
                  {t("adminAudit.empty")}
                </TD>
              </TR>
            ) : null}
          </TBody>
        </Table>
        {entries.length > 0 && !filtering ? (
          <div className="flex items-center gap-3 border-t border-neutral-200 px-4 py-2 text-xs text-neutral-600">
            {data?.more ? (
              <>
                <Button
                  variant="secondary"
                  disabled={loadingMore}
                  onClick={() => startLoadingMore(() => router.replace(auditHref(filters, props.pages + 1), { scroll: false }))}
                >
                  {loadingMore ? t("adminAudit.loadingMore") : t("adminAudit.loadMore")}
                </Button>
                <span>{t("adminAudit.shown", { count: entries.length })}</span>
              </>
            ) : (
              <span>{t("adminAudit.allShown", { count: entries.length })}</span>
            )}
          </div>
        ) : null}
      </div>
    </div>
  );
}
