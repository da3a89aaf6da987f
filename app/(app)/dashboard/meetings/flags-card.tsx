"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import type { ChartData } from "~/app/_components/charts/chart-data";
import { toCsv } from "~/app/_components/charts/csv";
import { downloadBlob } from "~/app/_components/charts/download";
import { sanitiseFileName } from "~/lib/file-name";
import { Badge } from "~/app/_components/ui/badge";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { cn } from "~/app/_lib/cn";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { flagKinds, type FlagKind } from "~/lib/codes";
import { formatDate } from "~/app/_lib/format-date";
import { formatQuarter } from "~/lib/quarter";
import { evidenceText, flagTone } from "../../meetings/flag-text";
import { flagCounts, flagHref } from "./meeting-quality-data";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { CardState, chartState } from "~/app/_components/charts/chart-state";

type Flag = RouterOutputs["dashboard"]["meetingQuality"]["flags"][number];

/** Rows shown before “显示全部”: a whole tree over eight quarters can hold hundreds of flags. */
const FIRST_ROWS = 20;

/** The formalism flags of the range: quarter (narrows to it), unit (its page), kind, evidence, and the meeting. */
export function FlagsCard(props: { flags: Flag[] | undefined; exportBase: string; onQuarter: (quarter: string) => void }) {
  const t = useTranslations("meetingQuality");
  const tm = useTranslations("meetings");
  const locale = useLocale();
  const [kind, setKind] = useState<FlagKind | null>(null);
  const [all, setAll] = useState(false);
  // Newest quarter first; within a quarter the server's order (unit, date).
  const flags = [...(props.flags ?? [])].sort((a, b) => (a.quarter === b.quarter ? 0 : a.quarter < b.quarter ? 1 : -1));
  const counts = flagCounts(flags);
  const shown = kind ? flags.filter((f) => f.kind === kind) : flags;
  const rows = all ? shown : shown.slice(0, FIRST_ROWS);

  const download = () => {
    const csv: ChartData = {
      columns: [
        { key: "quarter", label: t("quarter") },
        { key: "unit", label: t("unit") },
        { key: "kind", label: t("flagKind") },
        { key: "evidence", label: t("evidence") },
        { key: "meeting", label: t("meeting") },
      ],
      rows: shown.map((f) => ({
        quarter: formatQuarter(f.quarter, locale),
        unit: f.unitName,
        kind: tm(`flags.kinds.${f.kind}`),
        evidence: evidenceText(tm, f, locale),
        // The meeting by its date and type, as people name it; its database id means nothing to them.
        meeting: f.date && f.meetingType ? `${formatDate(f.date, locale)} ${tm(`types.${f.meetingType}`)}` : "",
      })),
    };
    downloadBlob(
      new Blob([toCsv(csv)], { type: "text/csv;charset=utf-8" }),
      `${sanitiseFileName(`${t("exportFlags")}_${props.exportBase}`)}.csv`,
    );
  };

  const chip = (k: FlagKind | null, label: string, count: number) => (
    <button
      key={k ?? "all"}
      type="button"
      aria-pressed={kind === k}
      onClick={() => setKind(k)}
      className={cn(
        "rounded border px-2 py-0.5 text-xs",
        kind === k ? "border-party bg-party text-white" : "border-neutral-300 bg-white text-neutral-700 hover:bg-neutral-50",
      )}
    >
      {label} <span className="num">{count}</span>
    </button>
  );

  return (
    <Card data-testid="meeting-flags">
      <CardHeader
        title={t("flagsTitle", { count: flags.length })}
        description={t("flagsDesc")}
        actions={
          flags.length ? (
            <button
              type="button"
              onClick={download}
              className="shrink-0 rounded px-1.5 py-0.5 text-xs text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900"
            >
              {t("downloadFlags")}
            </button>
          ) : undefined
        }
      />
      <CardState
        look="line"
        state={chartState({ loading: !props.flags && t("loading"), empty: flags.length === 0 && { message: t("flagsEmpty") } })}
      >
        {() => (
          <>
            <div role="group" aria-label={t("kindFilter")} className="flex flex-wrap gap-1.5 px-4 pt-3">
              {chip(null, t("allKinds"), flags.length)}
              {flagKinds.filter((k) => counts[k]).map((k) => chip(k, tm(`flags.kinds.${k}`), counts[k]!))}
            </div>
            <div className="overflow-x-auto px-4 py-2">
              <Table>
                <THead>
                  <TR className="text-left text-xs text-neutral-500">
                    <TH scope="col" className="py-1 pr-3 font-normal whitespace-nowrap">
                      {t("quarter")}
                    </TH>
                    <TH scope="col" className="py-1 pr-3 font-normal">
                      {t("unit")}
                    </TH>
                    <TH scope="col" className="py-1 pr-3 font-normal whitespace-nowrap">
                      {t("flagKind")}
                    </TH>
                    <TH scope="col" className="py-1 pr-3 font-normal">
                      {t("evidence")}
                    </TH>
                    <TH scope="col" className="py-1 font-normal whitespace-nowrap">
                      {t("meeting")}
                    </TH>
                  </TR>
                </THead>
                <TBody>
                  {rows.map((f) => (
                    <TR
                      key={`${f.kind}-${f.unitId}-${f.meetingId ?? f.quarter}`}
                      className="border-t border-neutral-100 align-top"
                      data-flag={f.kind}
                    >
                      <TD className="py-1.5 pr-3 whitespace-nowrap">
                        <button type="button" className="text-party hover:underline" onClick={() => props.onQuarter(f.quarter)}>
                          {formatQuarter(f.quarter, locale)}
                        </button>
                      </TD>
                      <TD className="py-1.5 pr-3">
                        <Link href={`/units/${f.unitId}`} className="text-party hover:underline">
                          {f.unitName}
                        </Link>
                      </TD>
                      <TD className="py-1.5 pr-3 whitespace-nowrap">
                        <Badge tone={flagTone[f.kind]}>{tm(`flags.kinds.${f.kind}`)}</Badge>
                      </TD>
                      <TD className="py-1.5 pr-3 text-neutral-700">{evidenceText(tm, f, locale)}</TD>
                      <TD className="py-1.5 whitespace-nowrap">
                        <Link href={flagHref(f)} className="text-party hover:underline" data-testid="flag-meeting-link">
                          {f.meetingId === null ? t("openQuarterMeetings") : t("openMeeting")}
                        </Link>
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            </div>
            {shown.length > FIRST_ROWS ? (
              <div className="border-t border-neutral-100 px-4 py-2">
                <button type="button" className="text-sm text-party hover:underline" onClick={() => setAll(!all)}>
                  {all ? t("showFewer", { count: FIRST_ROWS }) : t("showAll", { count: shown.length })}
                </button>
              </div>
            ) : null}
          </>
        )}
      </CardState>
    </Card>
  );
}
