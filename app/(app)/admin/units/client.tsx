"use client";

import { useRefresh } from "~/app/_lib/use-refresh";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { lazyDialog } from "~/app/_components/ui/lazy-dialog";
import { Card } from "~/app/_components/ui/card";
import { TextInput } from "~/app/_components/ui/field";
import { Checkbox } from "~/app/_components/ui/form-field";
import { Notice } from "~/app/_components/ui/notice";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import { UnitRow } from "./unit-row";
import { pathIds, type AdminUnit } from "./unit-select";
import { Table, TBody, TH, THead, TR } from "~/app/_components/ui/table";
import type { UnitAction } from "./types";

// The dialogs load on first open (lazyDialog): their forms are not part of the page's first load.
const MoveUnitDialog = lazyDialog(() => import("./move-unit-dialog").then((m) => m.MoveUnitDialog));
const UnitFormDialog = lazyDialog(() => import("./unit-form-dialog").then((m) => m.UnitFormDialog));
const UnitStatusDialog = lazyDialog(() => import("./unit-status-dialog").then((m) => m.UnitStatusDialog));

type Open = { action: UnitAction; unit: AdminUnit } | null;

// Above this many units the tree starts folded below the second level, so the page stays light.
const FOLD_ABOVE = 300;

/** The unit tree read on the server (`list`); after a dialog saves, the page is read again. */
export function UnitsAdmin({ list }: { list: PageRead<AdminUnit[]> }) {
  const t = useTranslations("adminUnits");
  const { refresh } = useRefresh();
  const units = useMemo(() => (list.ok ? list.data : []), [list]);

  const [filter, setFilter] = useState("");
  const [showInactive, setShowInactive] = useState(true);
  const [collapsed, setCollapsed] = useState<Set<number> | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [flash, setFlash] = useState<string | null>(null);

  const parents = useMemo(() => new Set(units.map((u) => u.parentId)), [units]);
  const folded = useMemo(
    () => collapsed ?? new Set(units.length > FOLD_ABOVE ? units.filter((u) => u.depth >= 1 && parents.has(u.id)).map((u) => u.id) : []),
    [collapsed, units, parents],
  );

  const rows = useMemo(() => {
    const shown = showInactive ? units : units.filter((u) => u.active);
    const q = filter.trim();
    if (q) {
      // Matches and their ancestors, so every match is seen in its place in the tree.
      const keep = new Set(shown.filter((u) => u.name.includes(q)).flatMap((u) => pathIds(u.path)));
      return shown.filter((u) => keep.has(u.id));
    }
    return shown.filter(
      (u) =>
        !pathIds(u.path)
          .slice(0, -1)
          .some((id) => folded.has(id)),
    );
  }, [units, showInactive, filter, folded]);

  const toggle = (id: number) =>
    setCollapsed(() => {
      const next = new Set(folded);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const done = (message: string) => {
    setOpen(null);
    refresh(() => setFlash(message));
  };
  const top = units[0]?.depth ?? 0;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-4 rounded border border-neutral-200 bg-white px-4 py-3">
        <div className="mr-auto">
          <h1 className="text-lg font-semibold">{t("heading")}</h1>
          <p className="mt-0.5 max-w-3xl text-xs text-neutral-500">{t("description")}</p>
        </div>
        <label className="text-sm">
          <span className="mb-1 block text-neutral-600">{t("filter")}</span>
          <TextInput className="w-56" value={filter} placeholder={t("filterPlaceholder")} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <Checkbox label={t("showInactive")} className="h-8" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
        <div className="flex gap-2">
          <Button type="button" variant="secondary" onClick={() => setCollapsed(new Set())}>
            {t("expandAll")}
          </Button>
          <Button
            type="button"
            variant="secondary"
            onClick={() => setCollapsed(new Set(units.filter((u) => u.depth > top && parents.has(u.id)).map((u) => u.id)))}
          >
            {t("collapseAll")}
          </Button>
        </div>
      </div>

      {flash ? <Notice tone="success">{flash}</Notice> : null}
      {!list.ok ? <Notice tone="error">{t("error", { message: list.message })}</Notice> : null}

      <Card>
        <div className="border-b border-neutral-200 px-4 py-2 text-xs text-neutral-500">
          {t("summary", { total: units.length, active: units.filter((u) => u.active).length })}
        </div>
        <div className="overflow-x-auto">
          <Table className="min-w-[64rem]" data-testid="units-table">
            <THead className="bg-neutral-50 text-left text-xs text-neutral-500">
              <TR>
                <TH className="py-2 pl-4 pr-2 font-normal">{t("columns.name")}</TH>
                <TH className="px-2 font-normal">{t("columns.type")}</TH>
                <TH className="num px-2 font-normal">{t("columns.members")}</TH>
                <TH className="px-2 font-normal">{t("columns.secretaryIsHead")}</TH>
                <TH className="px-2 font-normal">{t("columns.staffing")}</TH>
                <TH className="num px-2 font-normal">{t("columns.users")}</TH>
                <TH className="px-2 font-normal">{t("columns.status")}</TH>
                <TH className="py-2 pl-2 pr-4 font-normal">{t("columns.actions")}</TH>
              </TR>
            </THead>
            <TBody>
              {rows.map((u) => (
                <UnitRow
                  key={u.id}
                  unit={u}
                  indent={u.depth - top}
                  hasChildren={parents.has(u.id)}
                  expanded={!folded.has(u.id) || filter.trim() !== ""}
                  onToggle={() => toggle(u.id)}
                  onAction={(action) => {
                    setFlash(null);
                    setOpen({ action, unit: u });
                  }}
                />
              ))}
            </TBody>
          </Table>
          {list.ok && rows.length === 0 ? <p className="px-4 py-6 text-center text-sm text-neutral-500">{t("noMatch")}</p> : null}
        </div>
      </Card>

      {open?.action === "addChild" ? (
        <UnitFormDialog mode="create" unit={open.unit} units={units} onClose={() => setOpen(null)} onDone={done} />
      ) : null}
      {open?.action === "edit" ? (
        <UnitFormDialog mode="edit" unit={open.unit} units={units} onClose={() => setOpen(null)} onDone={done} />
      ) : null}
      {open?.action === "move" ? <MoveUnitDialog unit={open.unit} units={units} onClose={() => setOpen(null)} onDone={done} /> : null}
      {open?.action === "status" ? <UnitStatusDialog unit={open.unit} onClose={() => setOpen(null)} onDone={done} /> : null}
    </div>
  );
}
