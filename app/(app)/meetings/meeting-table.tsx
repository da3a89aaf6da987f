"use client";

import { useTranslations, useLocale } from "next-intl";
import { Badge } from "~/app/_components/ui/badge";
import { Button } from "~/app/_components/ui/button";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { formatScore } from "~/app/_lib/categories";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { flagTone, type Flag } from "./flag-text";
import { formatDate } from "~/app/_lib/format-date";

export type MeetingRow = RouterOutputs["meeting"]["list"]["meetings"][number];

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
  return (
    <Card>
      <CardHeader title={t("list.title")} />
      {props.meetings.length === 0 ? (
        <p className="px-4 py-3 text-sm text-neutral-500">{t("list.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[56rem] text-sm" data-testid="meeting-table">
            <thead className="text-left text-xs text-neutral-500">
              <tr>
                <th className="py-1.5 pl-4 font-normal">{t("list.date")}</th>
                <th className="px-2 font-normal">{t("list.type")}</th>
                <th className="px-2 font-normal">{t("list.topic")}</th>
                <th className="num px-2 font-normal">{t("list.attendance")}</th>
                <th className="num px-2 font-normal">{t("list.critical")}</th>
                <th className="num px-2 font-normal">{t("list.quality")}</th>
                <th className="px-2 font-normal">{t("list.flags")}</th>
                <th className="pr-4 text-right font-normal">{t("list.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {props.meetings.map((m) => (
                <tr key={m.id} id={`meeting-${m.id}`} className="border-t border-neutral-100 target:bg-amber-50" data-meeting={m.id}>
                  <td className="whitespace-nowrap py-1.5 pl-4 pr-2">{formatDate(m.date, locale)}</td>
                  <td className="whitespace-nowrap px-2">{t(`types.${m.type}`)}</td>
                  <td className="max-w-72 truncate px-2" title={m.topic}>
                    {m.topic}
                  </td>
                  <td className="num whitespace-nowrap px-2">
                    {m.present}/{m.expected}
                  </td>
                  <td className="num px-2">{m.criticalOpinions}</td>
                  <td className="num px-2 font-medium" data-testid="quality-score">
                    {formatScore(m.qualityScore)}
                  </td>
                  <td className="space-x-1 whitespace-nowrap px-2">
                    {flagsOf(m.id).map((f) => (
                      <Badge key={f.kind} tone={flagTone[f.kind]}>
                        {t(`flags.kinds.${f.kind}`)}
                      </Badge>
                    ))}
                  </td>
                  <td className="whitespace-nowrap pr-4 text-right">
                    <Button type="button" variant="ghost" onClick={() => props.onOpen(m)}>
                      {props.canWrite ? t("list.edit") : t("list.view")}
                    </Button>
                    {props.canWrite ? (
                      <Button type="button" variant="ghost" onClick={() => props.onDelete(m)}>
                        {t("list.delete")}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
