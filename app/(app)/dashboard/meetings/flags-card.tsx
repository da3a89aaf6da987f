"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useEffect, useRef, useState } from "react";
import type { ChartData } from "~/app/_components/charts/chart-data";
import { toCsv } from "~/app/_components/charts/csv";
import { downloadBlob } from "~/app/_components/charts/download";
import { sanitiseFileName } from "~/lib/file-name";
import { Badge } from "~/app/_components/ui/badge";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { cn } from "~/app/_lib/cn";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { useTRPC } from "~/app/_lib/trpc/react";
import { Button } from "~/app/_components/ui/button";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { flagKinds, type FlagKind } from "~/lib/codes";
import { formatDate } from "~/app/_lib/format-date";
import { formatQuarter } from "~/lib/quarter";
import { evidenceText, flagTone } from "../../meetings/flag-text";
import { flagHref } from "./meeting-quality-data";
import { FLAGS_PAGE_SIZE, flagsPageInput, flagsPageParsers } from "./params";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { CardState, chartState } from "~/app/_components/charts/chart-state";

type FlagCounts = RouterOutputs["dashboard"]["meetingQuality"]["flagCounts"];

/** Flags per page: a whole tree over a few quarters holds tens of thousands. */
const PAGE = FLAGS_PAGE_SIZE;

/**
 * The formalism flags of the range, a page at a time (`meeting.flagsPage`: newest quarter first,
 * then unit): quarter (narrows to it), unit (its page), kind, evidence, and the meeting. The kind
 * chips count the whole range (`dashboard.meetingQuality`'s `flagCounts`).
 */
export function FlagsCard(props: {
  range: { unitId: number; from: string; to: string };
  counts: FlagCounts | undefined;
  exportBase: string;
  onQuarter: (quarter: string) => void;
}) {
  const t = useTranslations("meetingQuality");
  const tm = useTranslations("meetings");
  const tc = useTranslations("common");
  const locale = useLocale();
  const trpc = useTRPC();
  // The kind and page live in the URL (params.ts): back from a unit or a meeting returns here.
  const [place, setPlace] = useQueryStates(flagsPageParsers, { history: "replace", scroll: false });
  // A range the leader chose starts again at its first page of all kinds; one the back or forward
  // button returned to keeps the page and kind its URL held.
  const rangeKey = `${props.range.unitId}|${props.range.from}|${props.range.to}`;
  const [seenRange, setSeenRange] = useState(rangeKey);
  const rangeMoved = seenRange !== rangeKey;
  const traversed = useRef(false);
  useEffect(() => {
    const onPop = () => void (traversed.current = true);
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  useEffect(() => {
    if (!rangeMoved) return;
    setSeenRange(rangeKey);
    if (!traversed.current) void setPlace({ fkind: null, fpage: null });
    traversed.current = false;
  }, [rangeMoved, rangeKey, setPlace]);
  const kind: FlagKind | null = rangeMoved ? null : place.fkind;
  const input = flagsPageInput(props.range, kind, rangeMoved ? null : place.fpage);
  const offset = input.offset;
  const total = props.counts?.total ?? 0;
  const page = useQuery({
    ...trpc.meeting.flagsPage.queryOptions(input),
    enabled: total > 0,
    placeholderData: keepPreviousData,
  });
  const rows = page.data?.rows ?? [];
  const shownTotal = page.data?.total ?? (kind ? (props.counts?.kinds[kind] ?? 0) : total);
  // The summary tells of the rows on screen: while the next page loads, still the previous one.
  const shownFrom = page.data?.offset ?? offset;

  const goTo = (k: FlagKind | null, at: number) => void setPlace({ fkind: k, fpage: at > 0 ? at / PAGE + 1 : null });
  const choose = (k: FlagKind | null) => goTo(k, 0);
  // A page past the end (a URL kept while flags were resolved, or typed): the last page there is.
  // While it loads, the empty page on screen tells of nothing.
  const emptyPastEnd = !!page.data && page.data.total > 0 && page.data.offset >= page.data.total;
  const pastEnd = emptyPastEnd && !page.isPlaceholderData && offset >= page.data!.total;
  const lastPage = page.data ? Math.floor((page.data.total - 1) / PAGE) * PAGE : 0;
  useEffect(() => {
    if (pastEnd) void setPlace({ fpage: lastPage > 0 ? lastPage / PAGE + 1 : null });
  }, [pastEnd, lastPage, setPlace]);

  const download = () => {
    const csv: ChartData = {
      columns: [
        { key: "quarter", label: t("quarter") },
        { key: "unit", label: t("unit") },
        { key: "kind", label: t("flagKind") },
        { key: "evidence", label: t("evidence") },
        { key: "meeting", label: t("meeting") },
      ],
      rows: rows.map((f) => ({
        quarter: formatQuarter(f.quarter, locale),
        unit: f.unitName,
        kind: tm(`flags.kinds.${f.kind}`),
        evidence: evidenceText(tm, f, locale),
        // The meeting by its date and type, as people name it; its database id means nothing to them.
        meeting: f.date && f.meetingType ? `${formatDate(f.date, locale)} ${tm(`types.${f.meetingType}`)}` : "",
      })),
    };
    const part = shownTotal > rows.length ? `_${shownFrom + 1}-${shownFrom + rows.length}` : "";
    downloadBlob(
      new Blob([toCsv(csv)], { type: "text/csv;charset=utf-8" }),
      `${sanitiseFileName(`${t("exportFlags")}_${props.exportBase}${part}`)}.csv`,
    );
  };

  const chip = (k: FlagKind | null, label: string, count: number) => (
    <button
      key={k ?? "all"}
      type="button"
      aria-pressed={kind === k}
      onClick={() => choose(k)}
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
        title={t("flagsTitle", { count: total })}
        description={t("flagsDesc")}
        actions={
          rows.length ? (
            <button
              type="button"
              onClick={download}
              className="shrink-0 rounded px-1.5 py-0.5 text-xs text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900"
            >
              {shownTotal > rows.length ? t("downloadFlagsPage") : t("downloadFlags")}
            </button>
          ) : undefined
        }
      />
      <CardState
        look="line"
        state={chartState({
          loading: (!props.counts || (total > 0 && !page.data && !page.error)) && t("loading"),
          empty: total === 0 && { message: t("flagsEmpty") },
        })}
      >
        {() => (
          <>
            <div role="group" aria-label={t("kindFilter")} className="flex flex-wrap gap-1.5 px-4 pt-3">
              {chip(null, t("allKinds"), total)}
              {/* Kinds with flags, and the chosen one even at none (from the URL), so it can be seen and undone. */}
              {flagKinds
                .filter((k) => props.counts?.kinds[k] || k === kind)
                .map((k) => chip(k, tm(`flags.kinds.${k}`), props.counts?.kinds[k] ?? 0))}
            </div>
            {page.error ? (
              <div className="px-4 py-2">
                <Notice tone="error">{tc("error", { message: describeError(page.error).message })}</Notice>
              </div>
            ) : null}
            <div
              className={cn("overflow-x-auto px-4 py-2", page.isPlaceholderData && "opacity-60")}
              aria-busy={page.isPlaceholderData || undefined}
            >
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
                  {kind && page.data && !page.isPlaceholderData && rows.length === 0 ? (
                    <TR>
                      <TD colSpan={5} className="py-3 text-neutral-500">
                        {t("flagsKindEmpty", { kind: tm(`flags.kinds.${kind}`) })}
                      </TD>
                    </TR>
                  ) : null}
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
            <div
              className="flex items-center justify-end gap-3 border-t border-neutral-100 px-4 py-2 text-xs text-neutral-600"
              data-testid="meeting-flags-pager"
            >
              <span>
                {emptyPastEnd
                  ? null
                  : t("flagsRange", {
                      first: shownTotal === 0 ? 0 : Math.min(shownFrom + 1, shownTotal),
                      last: Math.min(shownFrom + rows.length, shownTotal),
                      total: shownTotal,
                    })}
              </span>
              <Button type="button" variant="secondary" disabled={offset === 0} onClick={() => goTo(kind, Math.max(0, offset - PAGE))}>
                {t("prevPage")}
              </Button>
              <Button type="button" variant="secondary" disabled={offset + PAGE >= shownTotal} onClick={() => goTo(kind, offset + PAGE)}>
                {t("nextPage")}
              </Button>
            </div>
          </>
        )}
      </CardState>
    </Card>
  );
}
