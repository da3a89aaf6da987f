"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations, useLocale } from "next-intl";
import Link from "next/link";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { formatScore } from "~/app/_lib/categories";
import { useTRPC } from "~/app/_lib/trpc/react";
import { recentMeetings } from "./unit-data";
import { formatDate } from "~/app/_lib/format-date";

/** The unit's 20 latest meetings in the range, each linked to its record on the meetings page. */
export function UnitMeetingsCard({ unitId, from, to }: { unitId: number; from: string; to: string }) {
  const t = useTranslations("unitPage");
  const locale = useLocale();
  const tm = useTranslations("meetings.types");
  const list = useQuery(useTRPC().meeting.list.queryOptions({ unitId, from, to }));
  const rows = list.data ? recentMeetings(list.data.meetings) : [];
  return (
    <Card data-testid="unit-meetings">
      <CardHeader
        title={t("meetingsTitle", { count: rows.length })}
        description={t("meetingsDesc")}
        actions={
          <Link href={`/meetings?unit=${unitId}`} className="shrink-0 text-sm text-party hover:underline">
            {t("allMeetings")}
          </Link>
        }
      />
      {!list.data ? (
        <p className="px-4 py-3 text-sm text-neutral-500">{t("loading")}</p>
      ) : rows.length === 0 ? (
        <p className="px-4 py-3 text-sm text-neutral-500">{t("meetingsEmpty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-neutral-500">
                <th scope="col" className="py-1.5 pl-4 pr-2 font-normal">
                  {t("date")}
                </th>
                <th scope="col" className="py-1.5 pr-2 font-normal">
                  {t("type")}
                </th>
                <th scope="col" className="py-1.5 pr-2 font-normal">
                  {t("topic")}
                </th>
                <th scope="col" className="num py-1.5 pr-2 font-normal whitespace-nowrap">
                  {t("attendance")}
                </th>
                <th scope="col" className="num py-1.5 pr-4 font-normal whitespace-nowrap">
                  {t("quality")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id} className="border-t border-neutral-100" data-meeting={m.id}>
                  <td className="py-1.5 pl-4 pr-2 whitespace-nowrap tabular-nums">{formatDate(m.date, locale)}</td>
                  <td className="py-1.5 pr-2 whitespace-nowrap">{tm(m.type)}</td>
                  <td className="py-1.5 pr-2">
                    <Link href={`/meetings?unit=${unitId}&quarter=${m.quarter}#meeting-${m.id}`} className="text-party hover:underline">
                      {m.topic}
                    </Link>
                  </td>
                  <td className="num py-1.5 pr-2">
                    {m.present}/{m.expected}
                  </td>
                  <td className="num py-1.5 pr-4">{formatScore(m.qualityScore)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
