"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { lazyDialog } from "~/app/_components/ui/lazy-dialog";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import type { ListInspectionsInput } from "~/app/_lib/api-types";
import { InspectionFilters } from "./filters";
import type { Editing } from "./inspection-dialog";
import { InspectionTable, type InspectionRow } from "./inspection-table";

// The dialogs load on first open (lazyDialog): their forms are not part of the page's first load.
const InspectionDialog = lazyDialog(() => import("./inspection-dialog").then((m) => m.InspectionDialog));
const WithdrawDialog = lazyDialog(() => import("./withdraw-dialog").then((m) => m.WithdrawDialog));

/** The 一岗双责 inspections of a subtree with URL-held filters; reviewers and admins record and edit them. */
export function InspectionsClient({ filters }: { filters: ListInspectionsInput }) {
  const t = useTranslations();
  const list = useQuery(useTRPC().inspection.list.queryOptions(filters));
  const [editing, setEditing] = useState<Editing | null>(null);
  const [withdrawing, setWithdrawing] = useState<InspectionRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canWrite = list.data?.canWrite ?? false;
  const totals = list.data?.totals;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 rounded border border-neutral-200 bg-white px-4 py-3">
        <div className="mr-auto">
          <h1 className="text-lg font-semibold">{t("inspections.heading")}</h1>
          <p className="text-xs text-neutral-500">{t("inspections.intro")}</p>
        </div>
        {canWrite ? (
          <Button type="button" onClick={() => setEditing({ mode: "create" })}>
            {t("inspections.record")}
          </Button>
        ) : null}
      </div>
      <InspectionFilters filters={filters} />
      {list.error ? (
        <Notice tone="error">{t("common.error", { message: describeError(list.error).message })}</Notice>
      ) : !list.data ? (
        <p className="text-sm text-neutral-500">{t("inspections.loading")}</p>
      ) : (
        <>
          {!canWrite ? <Notice>{t("inspections.readOnly")}</Notice> : null}
          {notice ? <Notice tone="success">{notice}</Notice> : null}
          {totals && totals.total > 0 ? (
            <p className="text-sm text-neutral-700" data-testid="inspections-summary">
              {t("inspections.summary", totals)}
            </p>
          ) : null}
          {list.data.inspections.length === 0 ? (
            <p className="rounded border border-neutral-200 bg-white px-4 py-3 text-sm text-neutral-500">{t("inspections.empty")}</p>
          ) : (
            <InspectionTable
              rows={list.data.inspections}
              canWrite={canWrite}
              onEdit={(row) => setEditing({ mode: "edit", row })}
              onWithdraw={setWithdrawing}
            />
          )}
        </>
      )}
      {editing ? (
        <InspectionDialog
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            setNotice(message);
          }}
        />
      ) : null}
      {withdrawing ? (
        <WithdrawDialog
          row={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={(message) => {
            setWithdrawing(null);
            setNotice(message);
          }}
        />
      ) : null}
    </div>
  );
}
