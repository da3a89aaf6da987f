"use client";

import { useTranslations, useLocale } from "next-intl";
import { useEffect, useSyncExternalStore } from "react";
import { Badge } from "~/app/_components/ui/badge";
import { Button } from "~/app/_components/ui/button";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { formatScore } from "~/app/_lib/categories";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { flagTone, type Flag } from "./flag-text";
import { formatDate } from "~/app/_lib/format-date";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";

export type MeetingRow = RouterOutputs["meeting"]["list"]["meetings"][number];

const onHashChange = (notify: () => void) => {
  window.addEventListener("hashchange", notify);
  return () => window.removeEventListener("hashchange", notify);
};

/**
 * The meeting the URL points at (`#meeting-12`, from a flag's 查看会议). CSS `:target` alone misses
 * it: a client-side navigation sets the URL with pushState, which never updates `:target`.
 */
function useTargetMeeting(): number | null {
  const hash = useSyncExternalStore(
    onHashChange,
    () => window.location.hash,
    () => "",
  );
  const m = /^#meeting-(\d+)$/.exec(hash);
  return m ? Number(m[1]) : null;
}

/** The quarter's meetings by date, each with its quality score and flags. */
export function MeetingTable(props: {
  meetings: MeetingRow[];
  flags: Flag[];
  canWrite: boolean;
  onOpen: (m: MeetingRow) => void;
  onDelete: (m: MeetingRow) => void;
}) {
  const t = useTranslations("meetings");
  const locale = useLocale();
  const flagsOf = (id: number) => props.flags.filter((f) => f.meetingId === id);
  const target = useTargetMeeting();
  const targetListed = target !== null && props.meetings.some((m) => m.id === target);
  useEffect(() => {
    if (targetListed) document.getElementById(`meeting-${target}`)?.scrollIntoView({ block: "center" });
  }, [target, targetListed]);
  return (
    <Card>
      <CardHeader title={t("list.title")} />
      {props.meetings.length === 0 ? (
        <p className="px-4 py-3 text-sm text-neutral-500">{t("list.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <Table className="min-w-[56rem]" data-testid="meeting-table">
            <THead className="text-left text-xs text-neutral-500">
              <TR>
                <TH className="py-1.5 pl-4 font-normal">{t("list.date")}</TH>
                <TH className="px-2 font-normal">{t("list.type")}</TH>
                <TH className="px-2 font-normal">{t("list.topic")}</TH>
                <TH className="num px-2 font-normal">{t("list.attendance")}</TH>
                <TH className="num px-2 font-normal">{t("list.critical")}</TH>
                <TH className="num px-2 font-normal">{t("list.quality")}</TH>
                <TH className="px-2 font-normal">{t("list.flags")}</TH>
                <TH className="pr-4 text-right font-normal">{t("list.actions")}</TH>
              </TR>
            </THead>
            <TBody>
              {props.meetings.map((m) => (
                <TR
                  key={m.id}
                  id={`meeting-${m.id}`}
                  className={`border-t border-neutral-100 target:bg-amber-50 ${m.id === target ? "bg-amber-50" : ""}`}
                  aria-current={m.id === target || undefined}
                  data-meeting={m.id}
                >
                  <TD className="whitespace-nowrap py-1.5 pl-4 pr-2">{formatDate(m.date, locale)}</TD>
                  <TD className="whitespace-nowrap px-2">{t(`types.${m.type}`)}</TD>
                  <TD className="max-w-72 truncate px-2" title={m.topic}>
                    {m.topic}
                  </TD>
                  <TD className="num whitespace-nowrap px-2">
                    {m.present}/{m.expected}
                  </TD>
                  <TD className="num px-2">{m.criticalOpinions}</TD>
                  <TD className="num px-2 font-medium" data-testid="quality-score">
                    {formatScore(m.qualityScore)}
                  </TD>
                  <TD className="space-x-1 whitespace-nowrap px-2">
                    {flagsOf(m.id).map((f) => (
                      <Badge key={f.kind} tone={flagTone[f.kind]}>
                        {t(`flags.kinds.${f.kind}`)}
                      </Badge>
                    ))}
                  </TD>
                  <TD className="whitespace-nowrap pr-4 text-right">
                    <Button type="button" variant="ghost" onClick={() => props.onOpen(m)}>
                      {props.canWrite ? t("list.edit") : t("list.view")}
                    </Button>
                    {props.canWrite ? (
                      <Button type="button" variant="ghost" onClick={() => props.onDelete(m)}>
                        {t("list.delete")}
                      </Button>
                    ) : null}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </div>
      )}
    </Card>
  );
}
