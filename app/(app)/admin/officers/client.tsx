"use client";

import { useRefresh } from "~/app/_lib/use-refresh";
import { useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Badge } from "~/app/_components/ui/badge";
import { lazyDialog } from "~/app/_components/ui/lazy-dialog";
import { Button, buttonClass } from "~/app/_components/ui/button";
import { Card } from "~/app/_components/ui/card";
import { Notice } from "~/app/_components/ui/notice";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import type { PickedUnit } from "~/app/_components/unit-picker/unit-picker";
import { UnitPickerShell } from "~/app/_components/unit-picker/unit-picker-shell";
import { cn } from "~/app/_lib/cn";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import { officerRosterHref } from "./params";
import { Term } from "./term";
import type { RosterOfficer } from "./types";

// The dialogs load on first open (lazyDialog): their forms are not part of the page's first load.
const EndDialog = lazyDialog(() => import("./end-dialog").then((m) => m.EndDialog));
const ImportDialog = lazyDialog(() => import("./import-dialog").then((m) => m.ImportDialog));
const OfficerDialog = lazyDialog(() => import("./officer-dialog").then((m) => m.OfficerDialog));

type Open = { action: "create" | "import" } | { action: "edit" | "end"; officer: RosterOfficer } | null;
const actionClass = "rounded px-1.5 py-0.5 text-blue-800 hover:bg-blue-50 hover:underline";

/**
 * The roster of one unit (current tenures first), with add / edit / end and a link to each
 * person's record. Rendered from the server's read (`list`, and `unit`: the unit `unitId` names);
 * choosing another unit navigates, and the page is read again after a dialog saves.
 */
export function OfficersAdmin({ unitId, unit, list }: { unitId: number; unit: PickedUnit | null; list: PageRead<RosterOfficer[]> }) {
  const t = useTranslations("officers");
  const ti = useTranslations("officerImport");
  const router = useRouter();
  const { refresh } = useRefresh();
  const [pending, startTransition] = useTransition();
  const [open, setOpen] = useState<Open>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const templateHref = `/api/export/officers?unit=${unitId}`;
  const done = (message: string) => {
    setOpen(null);
    refresh(() => setFlash(message));
  };
  const rows = list.ok ? list.data : [];

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-4 rounded border border-neutral-200 bg-white px-4 py-3">
        <div className="mr-auto">
          <h1 className="text-lg font-semibold">{t("roster.heading")}</h1>
          <p className="mt-0.5 max-w-3xl text-xs text-neutral-500">{t("roster.description")}</p>
        </div>
        <div className="w-80 text-sm">
          <label htmlFor="roster-unit" className="mb-1 block text-neutral-600">
            {t("roster.unit")}
          </label>
          <UnitPickerShell
            id="roster-unit"
            value={unitId}
            chosen={unit}
            overlay
            onChange={(u) => {
              setFlash(null);
              startTransition(() => router.push(officerRosterHref(u.id)));
            }}
          />
        </div>
        <a className={buttonClass("secondary")} href={templateHref} download>
          {ti("downloadTemplate")}
        </a>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setFlash(null);
            setOpen({ action: "import" });
          }}
        >
          {ti("open")}
        </Button>
        <Button
          type="button"
          onClick={() => {
            setFlash(null);
            setOpen({ action: "create" });
          }}
        >
          {t("roster.add")}
        </Button>
      </div>

      {flash ? <Notice tone="success">{flash}</Notice> : null}
      {!list.ok ? <Notice tone="error">{t("roster.error", { message: list.message })}</Notice> : null}

      <Card className={cn("transition-opacity", pending && "opacity-60")} aria-busy={pending || undefined}>
        <div className="overflow-x-auto">
          <Table className="min-w-[48rem]" data-testid="officers-table">
            <THead className="bg-neutral-50 text-left text-xs text-neutral-500">
              <TR>
                <TH className="py-2 pl-4 pr-2 font-normal">{t("roster.columns.name")}</TH>
                <TH className="px-2 font-normal">{t("roster.columns.post")}</TH>
                <TH className="px-2 font-normal">{t("roster.columns.fullTime")}</TH>
                <TH className="px-2 font-normal">{t("roster.columns.concurrentHead")}</TH>
                <TH className="px-2 font-normal">{t("roster.columns.term")}</TH>
                <TH className="px-2 font-normal">{t("roster.columns.status")}</TH>
                <TH className="py-2 pl-2 pr-4 font-normal">{t("roster.columns.actions")}</TH>
              </TR>
            </THead>
            <TBody>
              {rows.map((o) => (
                <TR
                  key={o.id}
                  className="border-t border-neutral-100 hover:bg-neutral-50"
                  data-officer={o.name}
                  data-post={o.post}
                  data-current={o.current}
                >
                  <TD className="py-1.5 pl-4 pr-2">
                    <Link href={`/officers/${o.id}`} className="text-party hover:underline">
                      {o.name}
                    </Link>
                  </TD>
                  <TD className="whitespace-nowrap px-2">{t(`posts.${o.post}`)}</TD>
                  <TD className="px-2">{o.fullTime ? t("roster.fullTime") : t("roster.partTime")}</TD>
                  <TD className="px-2">{o.concurrentHead ? t("roster.yes") : t("roster.no")}</TD>
                  <TD className="px-2">
                    <Term from={o.fromDate} to={o.toDate} />
                  </TD>
                  <TD className="px-2">
                    {o.current ? (
                      <Badge tone="success">{t("roster.inPost")}</Badge>
                    ) : (
                      <Badge>{o.toDate ? t("roster.left") : t("roster.notYet")}</Badge>
                    )}
                  </TD>
                  <TD className="whitespace-nowrap py-1 pl-1 pr-4 text-xs">
                    <button type="button" className={actionClass} onClick={() => setOpen({ action: "edit", officer: o })}>
                      {t("roster.edit")}
                    </button>
                    {o.current ? (
                      <button type="button" className={actionClass} onClick={() => setOpen({ action: "end", officer: o })}>
                        {t("roster.end")}
                      </button>
                    ) : null}
                    <Link href={`/officers/${o.id}`} className={actionClass}>
                      {t("roster.record")}
                    </Link>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          {list.ok && rows.length === 0 ? <p className="px-4 py-6 text-center text-sm text-neutral-500">{t("roster.empty")}</p> : null}
        </div>
      </Card>

      {open?.action === "create" ? (
        <OfficerDialog unitId={unitId} unitName={unit?.name ?? ""} onClose={() => setOpen(null)} onDone={done} />
      ) : null}
      {open?.action === "edit" ? (
        <OfficerDialog unitId={unitId} unitName={unit?.name ?? ""} officer={open.officer} onClose={() => setOpen(null)} onDone={done} />
      ) : null}
      {open?.action === "import" ? <ImportDialog templateHref={templateHref} onClose={() => setOpen(null)} onDone={done} /> : null}
      {open?.action === "end" ? <EndDialog officer={open.officer} onClose={() => setOpen(null)} onDone={done} /> : null}
    </div>
  );
}
