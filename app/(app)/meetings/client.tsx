"use client";

import { useRefresh } from "~/app/_lib/use-refresh";
import { useLocale, useTranslations } from "next-intl";
import { useState, type ComponentProps } from "react";
import { Button } from "~/app/_components/ui/button";
import { lazyDialog } from "~/app/_components/ui/lazy-dialog";
import { Notice } from "~/app/_components/ui/notice";
import { UnitQuarterPicker } from "~/app/_components/unit-quarter-picker";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { formatQuarter } from "~/lib/quarter";
import { CompletionCard } from "./completion-card";
import { FlagsPanel } from "./flags-panel";
import type { Editing } from "./meeting-dialog";
import { MeetingTable, type MeetingRow } from "./meeting-table";

// The dialogs load on first open (lazyDialog): their forms are not part of the page's first load.
const DeleteMeetingDialog = lazyDialog(() => import("./delete-dialog").then((m) => m.DeleteMeetingDialog));
const MeetingDialog = lazyDialog(() => import("./meeting-dialog").then((m) => m.MeetingDialog));

type MeetingsData = {
  list: RouterOutputs["meeting"]["list"];
  completion: RouterOutputs["meeting"]["completion"];
  flags: RouterOutputs["meeting"]["flags"];
};

/** One unit's meetings in one quarter: completion, the records with their scores and flags, and the form. */
export function MeetingsClient({
  data,
  error,
  opensCases,
  ...picker
}: ComponentProps<typeof UnitQuarterPicker> & {
  /** The page's reads, or null when one was refused (then `error` says why). */
  data: MeetingsData | null;
  error: React.ReactNode;
  opensCases: boolean;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const { refresh } = useRefresh();
  const { unitId, quarter } = picker;
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<MeetingRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const locked = data?.list.lockedQuarters.includes(quarter) ?? false;
  const canWrite = (data?.list.canWrite ?? false) && !locked;
  const done = (message: string) => {
    setEditing(null);
    setDeleting(null);
    refresh(() => setNotice(message));
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 rounded border border-neutral-200 bg-white px-4 py-3">
        <h1 className="mr-auto text-lg font-semibold">{t("meetings.heading")}</h1>
        <UnitQuarterPicker {...picker} />
        {canWrite ? (
          <Button type="button" onClick={() => setEditing({ mode: "create" })}>
            {t("meetings.record")}
          </Button>
        ) : null}
      </div>
      {!data ? (
        error
      ) : (
        <>
          {/* Say why nothing can be changed: lack of rights first, then the lock. */}
          {!data.list.canWrite ? (
            <Notice>{t("meetings.readOnly")}</Notice>
          ) : locked ? (
            <Notice>{t("meetings.locked", { quarter: formatQuarter(quarter, locale) })}</Notice>
          ) : null}
          {notice ? <Notice tone="success">{notice}</Notice> : null}
          <div className="grid gap-4 xl:grid-cols-[minmax(0,5fr)_minmax(0,4fr)]">
            <CompletionCard data={data.completion} />
            <FlagsPanel flags={data.flags} meetings={data.list.meetings} opensCases={opensCases} />
          </div>
          <MeetingTable
            meetings={data.list.meetings}
            flags={data.flags}
            canWrite={canWrite}
            onOpen={(m) => setEditing({ mode: canWrite ? "edit" : "view", meeting: m })}
            onDelete={setDeleting}
          />
        </>
      )}
      {editing ? (
        <MeetingDialog
          pageUnitId={unitId}
          quarter={quarter}
          running={picker.running}
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={done}
        />
      ) : null}
      {deleting ? <DeleteMeetingDialog meeting={deleting} onClose={() => setDeleting(null)} onDeleted={done} /> : null}
    </div>
  );
}
