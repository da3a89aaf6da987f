"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { Button } from "~/app/_components/ui/button";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import type { Lookups } from "./describe";
import { AUDIT_COLUMNS, EntryRow } from "./entry-row";
import { filtersToSearch, searchInput, type AuditFilters } from "./filters";
import { FiltersForm } from "./filters-form";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";

export function AuditClient({ filters }: { filters: AuditFilters }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const search = useInfiniteQuery(
    trpc.audit.search.infiniteQueryOptions(searchInput(filters), { getNextPageParam: (page) => page.nextCursor }),
  );
  const error = search.error ? describeError(search.error) : null;
  const entries = search.data?.pages.flatMap((p) => p.items) ?? [];
  const locale = useLocale();
  const tree = useQuery(trpc.unit.tree.queryOptions());
  const indicators = useQuery(trpc.indicator.list.queryOptions());
  // Ids and codes in before/after read as the names the admin knows.
  const lookups = useMemo<Lookups>(() => {
    const unitNames = new Map((tree.data ?? []).map((u) => [u.id, u.name]));
    const indicatorNames = new Map((indicators.data ?? []).map((i) => [i.code, locale.startsWith("zh") ? i.name : i.nameEn]));
    return { unitName: (id) => unitNames.get(id), indicatorName: (code) => indicatorNames.get(code) };
  }, [tree.data, indicators.data, locale]);

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-lg font-semibold">{t("adminAudit.heading")}</h1>
        <p className="mt-1 text-xs text-neutral-600">{t("adminAudit.intro")}</p>
      </div>
      <FiltersForm key={filtersToSearch(filters)} filters={filters} errors={error?.fieldErrors ?? {}} />
      {error && Object.keys(error.fieldErrors).length === 0 ? (
        <Notice tone="error">{t("common.error", { message: error.message })}</Notice>
      ) : null}
      <div className="rounded border border-neutral-200 bg-white">
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
            {entries.map((e) => (
              <EntryRow key={e.id} entry={e} lookups={lookups} />
            ))}
            {search.isPending ? (
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
        {entries.length > 0 ? (
          <div className="flex items-center gap-3 border-t border-neutral-200 px-4 py-2 text-xs text-neutral-600">
            {search.hasNextPage ? (
              <>
                <Button variant="secondary" disabled={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
                  {search.isFetchingNextPage ? t("adminAudit.loadingMore") : t("adminAudit.loadMore")}
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
