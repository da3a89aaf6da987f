import { getLocale, getTranslations } from "next-intl/server";
import type { ChartData } from "~/app/_components/charts/chart-data";
import { CardState, chartState } from "~/app/_components/charts/chart-state";
import { toCsv } from "~/app/_components/charts/csv";
import { Badge } from "~/app/_components/ui/badge";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { Notice } from "~/app/_components/ui/notice";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { formatDate } from "~/app/_lib/format-date";
import { readForPage, type PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { flagKinds, type FlagKind } from "~/lib/codes";
import { sanitiseFileName } from "~/lib/file-name";
import { formatQuarter } from "~/lib/quarter";
import { evidenceText, flagTone } from "../../meetings/flag-text";
import { FlagsDownload, FlagsKindChips, FlagsPager, FlagsPlace, FlagsTableArea } from "./flags-controls";
import { flagHref } from "./meeting-quality-data";
import { FLAGS_PAGE_SIZE, flagsPageInput } from "./params";

type FlagCounts = RouterOutputs["dashboard"]["meetingQuality"]["flagCounts"];
type FlagsPage = RouterOutputs["meeting"]["flagsPage"];
type Range = { unitId: number; from: string; to: string };

/**
 * The card's page of `meeting.flagsPage` at the URL's kind and page. A page past the end (a URL
 * kept while flags were resolved, or typed) reads the last page there is instead.
 */
export async function readFlagsPage(range: Range, kind: FlagKind | null, page: number | null): Promise<PageRead<FlagsPage>> {
  const read = (p: number | null) => readForPage((api) => api.meeting.flagsPage(flagsPageInput(range, kind, p)));
  const first = await read(page);
  if (!first.ok || first.data.total === 0 || first.data.offset < first.data.total) return first;
  return read(Math.floor((first.data.total - 1) / FLAGS_PAGE_SIZE) + 1);
}

/** The card while its page streams in (a range with very many flags). */
export async function FlagsCardLoading({ total }: { total: number }) {
  const t = await getTranslations("meetingQuality");
  return (
    <Card data-testid="meeting-flags">
      <CardHeader title={t("flagsTitle", { count: total })} description={t("flagsDesc")} />
      <CardState look="line" state={chartState({ loading: t("loading") })}>
        {null}
      </CardState>
    </Card>
  );
}

/**
 * The formalism flags of the range, a page at a time (`meeting.flagsPage`: newest quarter first,
 * then unit): quarter (narrows to it), unit (its page), kind, evidence, and the meeting. The kind
 * chips count the whole range (`dashboard.meetingQuality`'s `flagCounts`). Server HTML; the chips,
 * the pager and the download hydrate (flags-controls.tsx). The rows' quarter buttons and links
 * are plain elements that the table's box answers for (`FlagsTableArea`): rows of client
 * components and prefetching links were most of the page's hydration (issue 16).
 */
export async function FlagsCard(props: {
  counts: FlagCounts;
  kind: FlagKind | null;
  /** The page the URL names (`fpage`), to correct the URL when it lies past the end. */
  urlPage: number | null;
  /** The page read, or null when the range has no flags at all. */
  read: PageRead<FlagsPage> | Promise<PageRead<FlagsPage>> | null;
  exportBase: string;
}) {
  const [t, tm, tc, locale, read] = await Promise.all([
    getTranslations("meetingQuality"),
    getTranslations("meetings"),
    getTranslations("common"),
    getLocale(),
    props.read,
  ]);
  const { counts, kind } = props;
  const total = counts.total;
  const page = read?.ok ? read.data : null;
  const rows = page?.rows ?? [];
  // No flags of the kind: the first (empty) page, wherever the URL pointed.
  const offset = page && page.total > 0 ? page.offset : 0;
  const shownTotal = page?.total ?? (kind ? (counts.kinds[kind] ?? 0) : total);
  const shownPage = offset / FLAGS_PAGE_SIZE + 1;

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
  const part = shownTotal > rows.length ? `_${offset + 1}-${offset + rows.length}` : "";
  // Kinds with flags, and the chosen one even at none (from the URL), so it can be seen and undone.
  const chips = [
    { kind: null, label: t("allKinds"), count: total },
    ...flagKinds
      .filter((k) => counts.kinds[k] || k === kind)
      .map((k) => ({ kind: k, label: tm(`flags.kinds.${k}`), count: counts.kinds[k] ?? 0 })),
  ];

  return (
    <Card data-testid="meeting-flags">
      <CardHeader
        title={t("flagsTitle", { count: total })}
        description={t("flagsDesc")}
        actions={
          rows.length ? (
            <FlagsDownload
              csv={toCsv(csv)}
              fileName={`${sanitiseFileName(`${t("exportFlags")}_${props.exportBase}${part}`)}.csv`}
              label={shownTotal > rows.length ? t("downloadFlagsPage") : t("downloadFlags")}
            />
          ) : undefined
        }
      />
      <CardState look="line" state={chartState({ loading: false, empty: total === 0 && { message: t("flagsEmpty") } })}>
        <FlagsPlace urlPage={props.urlPage ?? 1} shownPage={shownPage}>
          <FlagsKindChips label={t("kindFilter")} chips={chips} />
          {read && !read.ok ? (
            <div className="px-4 py-2">
              <Notice tone="error">{tc("error", { message: read.message })}</Notice>
            </div>
          ) : null}
          {/* Below the fold on load: the browser lays the rows out when they come near the window (issue 16). */}
          <FlagsTableArea className="overflow-x-auto px-4 py-2 [contain-intrinsic-size:auto_850px] [content-visibility:auto]">
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
                {kind && page && rows.length === 0 ? (
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
                      <button type="button" className="text-party hover:underline" data-quarter={f.quarter}>
                        {formatQuarter(f.quarter, locale)}
                      </button>
                    </TD>
                    <TD className="py-1.5 pr-3">
                      <a href={`/units/${f.unitId}`} className="text-party hover:underline">
                        {f.unitName}
                      </a>
                    </TD>
                    <TD className="py-1.5 pr-3 whitespace-nowrap">
                      <Badge tone={flagTone[f.kind]}>{tm(`flags.kinds.${f.kind}`)}</Badge>
                    </TD>
                    <TD className="py-1.5 pr-3 text-neutral-700">{evidenceText(tm, f, locale)}</TD>
                    <TD className="py-1.5 whitespace-nowrap">
                      <a href={flagHref(f)} className="text-party hover:underline" data-testid="flag-meeting-link">
                        {f.meetingId === null ? t("openQuarterMeetings") : t("openMeeting")}
                      </a>
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </FlagsTableArea>
          <div
            className="flex items-center justify-end gap-3 border-t border-neutral-100 px-4 py-2 text-xs text-neutral-600"
            data-testid="meeting-flags-pager"
          >
            <span>
              {t("flagsRange", {
                first: shownTotal === 0 ? 0 : Math.min(offset + 1, shownTotal),
                last: Math.min(offset + rows.length, shownTotal),
                total: shownTotal,
              })}
            </span>
            <FlagsPager
              page={shownPage}
              hasPrev={offset > 0}
              hasNext={offset + FLAGS_PAGE_SIZE < shownTotal}
              labels={{ prev: t("prevPage"), next: t("nextPage") }}
            />
          </div>
        </FlagsPlace>
      </CardState>
    </Card>
  );
}
