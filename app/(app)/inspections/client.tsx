"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { lazyDialog } from "~/app/_components/ui/lazy-dialog";
import { Notice } from "~/app/_components/ui/notice";
import type { PickedUnit } from "~/app/_components/unit-picker/unit-picker";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import type { ListInspectionsInput } from "~/app/_lib/api-types";
import { ListPending, useListRefresh } from "../cases/list-navigation";
import { InspectionFilters } from "./filters";
import type { Editing } from "./inspection-dialog";
import { InspectionTable, type InspectionRow } from "./inspection-table";

// The dialogs load on first open (lazyDialog): their forms are not part of the page's first load.
const InspectionDialog = lazyDialog(() => import("./inspection-dialog").then((m) => m.InspectionDialog));
const WithdrawDialog = lazyDialog(() => import("./withdraw-dialog").then((m) => m.WithdrawDialog));

/**
 * The 一岗双责 inspections of a subtree with URL-held filters, as the server read them
 * (`inspection.list`, inside the page's ListNavigation); reviewers and admins record and edit them,
 * then the page is read again and the message shows with it.
 */
export function InspectionsClient(props: {
  filters: ListInspectionsInput;
  list: PageRead<RouterOutputs["inspection"]["list"]>;
  unit: PickedUnit | null;
}) {
  const { filters } = props;
  const t = useTranslations();
  const refresh = useListRefresh();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [withdrawing, setWithdrawing] = useState<InspectionRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { list } = props;
  const canWrite = list.ok && list.data.canWrite;

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
      <InspectionFilters filters={filters} unit={props.unit} />
      {!list.ok ? (
        <Notice tone="error">{t("common.error", { message: list.message })}</Notice>
      ) : (
        <ListPending className="space-y-4">
          {!canWrite ? <Notice>{t("inspections.readOnly")}</Notice> : null}
          {notice ? <Notice tone="success">{notice}</Notice> : null}
          {list.data.totals.total > 0 ? (
            <p className="text-sm text-neutral-700" data-testid="inspections-summary">
              {t("inspections.summary", list.data.totals)}
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
        </ListPending>
      )}
      {editing ? (
        <InspectionDialog
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            refresh(() => setNotice(message));
          }}
        />
      ) : null}
      {withdrawing ? (
        <WithdrawDialog
          row={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={(message) => {
            setWithdrawing(null);
            refresh(() => setNotice(message));
          }}
        />
      ) : null}
    </div>
  );
}
