"use client";

import { useLocale, useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { Badge } from "~/app/_components/ui/badge";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { formatDate } from "~/app/_lib/format-date";
import { evidenceText, flagTone, type Flag } from "./flag-text";
import type { MeetingRow } from "./meeting-table";
import { caseOpenHref } from "../cases/params";
import { assessmentHref } from "../assessment/params";

/** Every formalism flag of the quarter with its evidence; copied minutes link to the other record. */
export function FlagsPanel({ flags, meetings, opensCases }: { flags: Flag[]; meetings: MeetingRow[]; opensCases: boolean }) {
  const t = useTranslations("meetings");
  const locale = useLocale();
  const tc = useTranslations("cases");
  const topics = new Map(meetings.map((m) => [m.id, m.topic]));
  return (
    <Card data-testid="flags-panel">
      <CardHeader title={t("flags.title")} description={t("flags.description")} />
      {flags.length === 0 ? (
        <p className="px-4 py-3 text-sm text-neutral-500">{t("flags.empty")}</p>
      ) : (
        <ul className="divide-y divide-neutral-100 text-sm">
          {flags.map((f) => {
            const e = f.evidence as Record<string, string | number | boolean | null>;
            return (
              <li
                key={`${f.kind}-${f.meetingId ?? f.quarter}`}
                className="px-4 py-2"
                data-flag={f.kind}
                data-meeting={f.meetingId ?? undefined}
              >
                <div className="flex items-start gap-2">
                  <span className="shrink-0 whitespace-nowrap">
                    <Badge tone={flagTone[f.kind]}>{t(`flags.kinds.${f.kind}`)}</Badge>
                  </span>
                  <div className="min-w-0">
                    <p>{evidenceText(t, f, locale)}</p>
                    {/* One line each: the meeting's topic and 立案问责 ran together as one phrase. */}
                    {f.meetingId && topics.get(f.meetingId) ? (
                      <p className="text-xs">
                        <a href={`#meeting-${f.meetingId}`} className="text-neutral-500 hover:underline">
                          {topics.get(f.meetingId)}
                        </a>
                      </p>
                    ) : null}
                    {f.kind === "copied_minutes" && e.otherReadable === true ? (
                      <p className="text-xs">
                        <Link
                          className="text-party hover:underline"
                          href={`/meetings?unit=${String(e.otherUnitId)}&quarter=${String(e.otherQuarter)}#meeting-${String(e.otherMeetingId)}`}
                        >
                          {t("flags.otherRecordLink", { unit: String(e.otherUnitName), date: formatDate(String(e.otherDate), locale) })}
                        </Link>
                      </p>
                    ) : null}
                    {f.kind === "copied_duty_report" && e.otherReadable === true ? (
                      <p className="text-xs">
                        <Link
                          className="text-party hover:underline"
                          href={assessmentHref("/assessment/duty", { year: Number(e.otherYear), unit: Number(e.otherUnitId) })}
                        >
                          {t("flags.otherReportLink", { unit: String(e.otherUnitName), year: String(e.otherYear) })}
                        </Link>
                      </p>
                    ) : null}
                    {opensCases && f.meetingId ? (
                      <p className="text-xs">
                        <Link
                          className="text-party hover:underline"
                          href={caseOpenHref("/cases", { unit: f.unitId, open: "flag", meeting: f.meetingId, flag: f.kind })}
                          data-testid="open-case"
                        >
                          {tc("openFromFlag")}
                        </Link>
                      </p>
                    ) : null}
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
