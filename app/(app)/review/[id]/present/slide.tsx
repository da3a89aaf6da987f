"use client";

import { useLocale, useTranslations } from "next-intl";
import { lazyChart } from "~/app/_components/charts/lazy-chart";
import { Link } from "~/app/_components/ui/link";
import { categoryColors, formatScore } from "~/app/_lib/categories";
import { categoryCodes, type MeetingType } from "~/lib/codes";
import { formatQuarter, parseQuarter } from "~/lib/quarter";
import type { SlideScore } from "~/app/_lib/api-types";
import { ReasonList } from "../../reason-text";
import type { ReviewItem } from "../review";
import { TrendTable } from "./trend-table";
import { formatDate } from "~/app/_lib/format-date";

// recharts is loaded only where a chart is drawn.
const TrendChart = lazyChart(
  () => import("~/app/_components/charts/chart-line-review-trend"),
  "min-h-[8rem] flex-1 animate-pulse rounded bg-neutral-900",
);

const panel = "rounded border border-neutral-800 bg-neutral-900/60 px-4 py-2";
const heading = "mb-1.5 text-sm font-medium tracking-wide text-neutral-400";

/** A score with a mark when it comes from a report not yet approved. */
function Score({ value, className }: { value: SlideScore; className?: string }) {
  const t = useTranslations();
  return (
    <span className={className}>
      <span className="num">{formatScore(value?.score)}</span>
      {value?.status === "submitted" ? (
        <span className="ml-1 text-sm font-normal text-neutral-400">（{t("review.present.unapproved")}）</span>
      ) : null}
    </span>
  );
}

/** A quarter under the trend: “3季度” / “Q3”, with the year below where it changes (or under each, when every other is shown). */
function useTickLines() {
  const locale = useLocale();
  const zh = locale.startsWith("zh");
  return (quarter: string, index: number, everyYear: boolean) => {
    const p = parseQuarter(quarter);
    if (!p) return [quarter];
    const q = zh ? `第${p.q}季度` : `Q${p.q}`;
    return everyYear || index === 0 || p.q === 1 ? [q, zh ? `${p.year}年` : String(p.year)] : [q];
  };
}

/** Why the unit is on the agenda: one line per reason, across the slide's width. */
export function SlideReasons({ item, className }: { item: ReviewItem; className?: string }) {
  const t = useTranslations();
  return (
    <section
      className={`${panel} min-h-0 overflow-y-auto ${className ?? ""}`}
      aria-label={t("review.present.reasons")}
      data-testid="slide-reasons"
    >
      {/* On a 720-line projector the reasons speak for themselves: the heading is for screen readers only. */}
      <h3 className={`${heading} [@media(max-height:800px)]:sr-only`}>{t("review.present.reasons")}</h3>
      <div className="text-base leading-snug">
        <ReasonList reasons={item.reasons} addedByChair={item.addedByChair} dark />
      </div>
      {item.reasons.length === 0 && item.addedByChair ? (
        <p className="mt-1 text-base text-neutral-400">{t("review.present.noReasons")}</p>
      ) : null}
    </section>
  );
}

/** The six category scores of the quarter and its formalism flags. */
export function SlideScores({ item, quarter }: { item: ReviewItem; quarter: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const s = item.slide;
  const q = formatQuarter(quarter, locale);
  return (
    <div className="flex min-h-0 min-w-0 flex-col gap-3">
      <section className={panel} data-testid="slide-categories">
        <h3 className={heading}>{t("review.present.categories", { quarter: q })}</h3>
        <ul>
          {categoryCodes.map((code) => {
            const v = s.categories[code];
            return (
              // The bars only where there is room (2xl); the number is what the room reads.
              <li
                key={code}
                className="grid grid-cols-[minmax(0,1fr)_2.75rem] items-center gap-3 text-base leading-snug 2xl:grid-cols-[minmax(0,11.5rem)_1fr_2.75rem]"
              >
                <span className="flex items-center gap-2">
                  <span
                    aria-hidden
                    className="inline-block h-[0.7em] w-[0.7em] shrink-0 rounded-sm"
                    style={{ background: categoryColors[code] }}
                  />
                  {t(`categories.${code}`)}
                </span>
                <span className="hidden h-[0.8em] rounded-sm bg-neutral-800 2xl:block">
                  <span
                    className="block h-full rounded-sm"
                    style={{ width: `${Math.max(0, Math.min(100, v?.score ?? 0))}%`, background: categoryColors[code] }}
                  />
                </span>
                <span className="num font-medium">{formatScore(v?.score)}</span>
              </li>
            );
          })}
        </ul>
      </section>
      <section className={`${panel} min-h-0 flex-1 overflow-y-auto`} data-testid="slide-flags">
        <h3 className={heading}>{t("review.present.flags", { quarter: q })}</h3>
        {s.flags.length === 0 ? (
          <p className="text-base text-neutral-400">{t("review.present.noFlags")}</p>
        ) : (
          // One line of counts (a 720-line projector has room for little more), then details where tall.
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-base leading-snug">
            {s.flags.map((f) => (
              <li key={f.kind} className="whitespace-nowrap">
                {t(`meetings.flags.kinds.${f.kind}`)} <span className="num font-medium text-amber-300">{f.count}</span>
              </li>
            ))}
            {s.flagDetails.slice(0, 3).map((d, i) =>
              d.date ? (
                // Where it happened: on tall screens only (a 720-line projector keeps the counts).
                <li key={i} className="hidden w-full text-sm text-neutral-400 [@media(min-height:1000px)]:list-item">
                  {formatDate(d.date, locale)} · {d.meetingType ? t(`meetings.types.${d.meetingType as MeetingType}`) : ""} ·{" "}
                  {t(`meetings.flags.kinds.${d.kind}`)}
                </li>
              ) : null,
            )}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The composite over the last eight quarters (taking the height left) and the open cases (overdue in amber). */
export function SlideTrend({ item }: { item: ReviewItem }) {
  const t = useTranslations();
  const tickLines = useTickLines();
  const s = item.slide;
  return (
    <div className="flex min-h-0 min-w-0 flex-col gap-3">
      {/* The chart takes whatever height the slide has left, so it grows with the screen. */}
      <section className={`${panel} flex min-h-[8rem] flex-1 flex-col`} data-testid="slide-trend">
        <h3 className={heading}>{t("review.present.trend")}</h3>
        <TrendChart data={s.trend} seriesName={t("review.present.composite")} tickLines={tickLines} />
        <TrendTable data={s.trend} />
      </section>
      <section className={`${panel} max-h-[38%] min-h-0 shrink-0 overflow-y-auto`} data-testid="slide-cases">
        <h3 className={heading}>{t("review.present.cases")}</h3>
        {s.cases.length === 0 ? (
          <p className="text-base text-neutral-400">{t("review.present.noCases")}</p>
        ) : (
          <ul className="space-y-1.5 text-base leading-snug">
            {s.cases.slice(0, 3).map((c) => (
              <li key={c.id}>
                <Link href={`/cases/${c.id}`} className="text-neutral-100 underline-offset-2 hover:underline">
                  #{c.id} {t(`cases.forms.${c.form}`)} · {t(`categories.${c.category}`)}
                </Link>
                <span className="ml-1.5 text-sm text-neutral-400">{t(`cases.statuses.${c.status}`)}</span>
                {c.overdueItems > 0 ? (
                  <span className="ml-1.5 whitespace-nowrap rounded border border-amber-500/60 px-1 text-sm text-amber-300" data-overdue>
                    {t("review.present.overdueItems", { count: c.overdueItems })}
                  </span>
                ) : c.openItems > 0 ? (
                  <span className="ml-1.5 whitespace-nowrap text-sm text-neutral-400">
                    {t("review.present.openItems", { count: c.openItems })}
                  </span>
                ) : null}
              </li>
            ))}
            {s.cases.length > 3 ? (
              <li className="text-sm text-neutral-400">{t("review.present.moreCases", { count: s.cases.length - 3 })}</li>
            ) : null}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The slide's title line: position, unit, composite and business score of the quarter. */
export function SlideTitle({ item, position }: { item: ReviewItem; position: number }) {
  const t = useTranslations();
  return (
    <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1">
      <h2 className="text-[1.75rem] font-semibold leading-tight">
        <span className="mr-3 text-neutral-500">{position}.</span>
        {item.unitName}
      </h2>
      <span className="text-lg text-neutral-400">
        {t("review.present.composite")} <Score value={item.slide.composite} className="ml-1 text-[1.75rem] font-semibold text-red-400" />
      </span>
      <span className="text-lg text-neutral-400">
        {t("review.present.business")} <Score value={item.slide.business} className="ml-1 text-[1.75rem] font-semibold text-neutral-100" />
      </span>
    </div>
  );
}
