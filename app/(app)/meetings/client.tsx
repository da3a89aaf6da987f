"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { lazyDialog } from "~/app/_components/ui/lazy-dialog";
import { Notice } from "~/app/_components/ui/notice";
import { UnitQuarterPicker } from "~/app/_components/unit-quarter-picker";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { formatQuarter } from "~/lib/quarter";
import { CompletionCard } from "./completion-card";
import { FlagsPanel } from "./flags-panel";
import type { Editing } from "./meeting-dialog";
import { MeetingTable, type MeetingRow } from "./meeting-table";

// The dialogs load on first open (lazyDialog): their forms are not part of the page's first load.
const DeleteMeetingDialog = lazyDialog(() => import("./delete-dialog").then((m) => m.DeleteMeetingDialog));
const MeetingDialog = lazyDialog(() => import("./meeting-dialog").then((m) => m.MeetingDialog));

/** One unit's meetings in one quarter: completion, the records with their scores and flags, and the form. */
export function MeetingsClient(props: { unitId: number; quarter: string; quarters: string[]; running: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const { unitId, quarter } = props;
  const list = useQuery(trpc.meeting.list.queryOptions({ unitId, from: quarter, to: quarter }));
  const completion = useQuery(trpc.meeting.completion.queryOptions({ unitId, quarter }));
  const flags = useQuery(trpc.meeting.flags.queryOptions({ unitId, from: quarter, to: quarter, subtree: false }));
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<MeetingRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const error = list.error ?? completion.error ?? flags.error;
  const locked = list.data?.lockedQuarters.includes(quarter) ?? false;
  const canWrite = (list.data?.canWrite ?? false) && !locked;
  const done = (message: string) => {
    setEditing(null);
    setDeleting(null);
    setNotice(message);
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 rounded border border-neutral-200 bg-white px-4 py-3">
        <h1 className="mr-auto text-lg font-semibold">{t("meetings.heading")}</h1>
        <UnitQuarterPicker {...props} />
        {canWrite ? (
          <Button type="button" onClick={() => setEditing({ mode: "create" })}>
            {t("meetings.record")}
          </Button>
        ) : null}
      </div>
      {error ? (
        <Notice tone="error">{t("common.error", { message: describeError(error).message })}</Notice>
      ) : !list.data || !completion.data || !flags.data ? (
        <p className="text-sm text-neutral-500">{t("common.loading")}</p>
      ) : (
        <>
          {/* Say why nothing can be changed: lack of rights first, then the lock. */}
          {!list.data.canWrite ? (
            <Notice>{t("meetings.readOnly")}</Notice>
          ) : locked ? (
            <Notice>{t("meetings.locked", { quarter: formatQuarter(quarter, locale) })}</Notice>
          ) : null}
          {notice ? <Notice tone="success">{notice}</Notice> : null}
          <div className="grid gap-4 xl:grid-cols-[minmax(0,5fr)_minmax(0,4fr)]">
            <CompletionCard data={completion.data} />
            <FlagsPanel flags={flags.data} meetings={list.data.meetings} />
          </div>
          <MeetingTable
            meetings={list.data.meetings}
            flags={flags.data}
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
          running={props.running}
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={done}
        />
      ) : null}
      {deleting ? <DeleteMeetingDialog meeting={deleting} onClose={() => setDeleting(null)} onDeleted={done} /> : null}
    </div>
  );
}
