"use client";

import { useLocale, useTranslations } from "next-intl";
import { lazyChart } from "~/app/_components/charts/lazy-chart";
import { Caption, Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { formatScore } from "~/app/_lib/categories";
import { cn } from "~/app/_lib/cn";
import { formatDate, formatPercent } from "~/app/_lib/format-date";
import { formatQuarter, parseQuarter } from "~/lib/quarter";
import type { ReviewItem } from "../review";

// recharts is loaded only where a chart is drawn.
const TrendChart = lazyChart(
  () => import("~/app/_components/charts/chart-line-review-trend"),
  "min-h-[8rem] flex-1 animate-pulse rounded bg-neutral-900",
);

const panel = "rounded border border-neutral-800 bg-neutral-900/60 px-4 py-2";
const heading = "mb-1.5 text-sm font-medium tracking-wide text-neutral-400";

type Duty = NonNullable<ReviewItem["duty"]>;

/** The slide's title line: position, unit, the secretary (专职/兼职, 一肩挑), the computed grade and the proposal. */
export function DutySlideTitle({ item, duty, position }: { item: ReviewItem; duty: Duty; position: number }) {
  const t = useTranslations();
  const s = duty.secretary;
  return (
    <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1">
      <h2 className="text-[1.75rem] font-semibold leading-tight">
        <span className="mr-3 text-neutral-500">{position}.</span>
        {item.unitName}
      </h2>
      <span className="text-lg text-neutral-300" data-testid="slide-secretary">
        {s ? (
          <>
            {t("dutyReview.slide.secretary")} <span className="text-[1.5rem] font-semibold text-neutral-100">{s.name}</span>
            <span className="ml-2 text-base text-neutral-400">
              {s.fullTime ? t("dutyReview.slide.fullTime") : t("dutyReview.slide.partTime")}
              {s.concurrentHead ? ` · ${t("dutyReview.slide.concurrentHead")}` : ""}
            </span>
          </>
        ) : (
          <span className="text-neutral-400">{t("dutyReview.agenda.noSecretary")}</span>
        )}
      </span>
      <span className="text-lg text-neutral-400" data-testid="slide-computed-grade">
        {t("dutyReview.slide.computed")}{" "}
        {duty.grade?.computed ? (
          <span className="ml-1 text-[1.5rem] font-semibold text-neutral-100">
            {t(`grades.${duty.grade.computed}`)}
            {duty.grade.score !== null ? <span className="num ml-2 text-lg text-neutral-400">{formatScore(duty.grade.score)}</span> : null}
          </span>
        ) : (
          <span className="ml-1 text-base">{t("dutyReview.slide.notComputed")}</span>
        )}
      </span>
    </div>
  );
}

/** A quarter under the trend: “第3季度” / “Q3”; the year is in the heading. */
const tickLine = (zh: boolean) => (quarter: string) => {
  const p = parseQuarter(quarter);
  return [p ? (zh ? `第${p.q}季度` : `Q${p.q}`) : quarter];
};

/** The year's four quarters: Party building (solid red) and business (dashed grey), with a table for screen readers. */
export function DutyTrend({ duty, year }: { duty: Duty; year: number }) {
  const t = useTranslations();
  const locale = useLocale();
  return (
    <section className={`${panel} flex min-h-[8rem] flex-1 flex-col`} data-testid="slide-trend">
      <h3 className={heading}>
        {t("dutyReview.slide.trend", { year })}
        <span className="ml-3 text-neutral-300">
          <span aria-hidden className="mr-1 inline-block h-[3px] w-5 bg-[#ef5350] align-middle" />
          {t("dutyReview.slide.party")}
          <span aria-hidden className="ml-3 mr-1 inline-block w-5 border-t-2 border-dashed border-neutral-300 align-middle" />
          {t("dutyReview.slide.business")}
        </span>
      </h3>
      <TrendChart
        data={duty.trend}
        seriesName={t("dutyReview.slide.party")}
        businessName={t("dutyReview.slide.business")}
        tickLines={tickLine(locale.startsWith("zh"))}
      />
      <Table bare className="sr-only">
        <Caption>{t("dutyReview.slide.trend", { year })}</Caption>
        <THead>
          <TR>
            <TH scope="col">{t("a11y.quarter")}</TH>
            <TH scope="col">{t("dutyReview.slide.party")}</TH>
            <TH scope="col">{t("dutyReview.slide.business")}</TH>
          </TR>
        </THead>
        <TBody>
          {duty.trend.map((p) => (
            <TR key={p.quarter}>
              <TH scope="row">{formatQuarter(p.quarter, locale)}</TH>
              <TD>{formatScore(p.composite)}</TD>
              <TD>{formatScore(p.business)}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </section>
  );
}

/** Last year's comment items and how this year's duty report answered each: 已完成 / 未完成 (with its evidence) / 未作答. */
export function DutyItems({ duty, year, className }: { duty: Duty; year: number; className?: string }) {
  const t = useTranslations();
  const items = duty.lastYearItems;
  const done = items.filter((i) => i.answer?.done).length;
  return (
    <section className={cn(panel, "min-h-0 overflow-y-auto", className)} data-testid="slide-items">
      <h3 className={heading}>
        {t("dutyReview.slide.items", { year: year - 1 })}
        {items.length > 0 ? (
          <span className="num ml-2 text-neutral-300">{t("dutyReview.slide.itemsDone", { done, total: items.length })}</span>
        ) : null}
      </h3>
      {items.length === 0 ? (
        <p className="text-base text-neutral-400">{t("dutyReview.slide.noItems")}</p>
      ) : (
        <ol className="space-y-1.5 text-base leading-snug">
          {items.map((i, n) => (
            <li key={i.id} data-item={i.id}>
              <span className="mr-1.5 text-neutral-500">{n + 1}.</span>
              {i.content}
              <span
                className={cn(
                  "ml-2 whitespace-nowrap rounded border px-1 text-sm",
                  i.answer === null
                    ? "border-amber-500/60 text-amber-300"
                    : i.answer.done
                      ? "border-green-500/60 text-green-300"
                      : "border-red-500/60 text-red-300",
                )}
              >
                {i.answer === null
                  ? t("dutyReview.slide.unanswered")
                  : i.answer.done
                    ? t("dutyReview.slide.done")
                    : t("dutyReview.slide.notDone")}
              </span>
              {i.answer?.evidence ? <p className="ml-5 text-sm text-neutral-400">{i.answer.evidence}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The duty report (status, 逾期, 雷同), the 民主测评 counts and the year's formalism flags. */
export function DutyFacts({ duty, year }: { duty: Duty; year: number }) {
  const t = useTranslations();
  const locale = useLocale();
  const r = duty.dutyReport;
  const a = duty.appraisal;
  const valid = a ? a.good + a.fairlyGood + a.average + a.poor : 0;
  return (
    <div className="flex min-h-0 min-w-0 flex-col gap-3">
      <section className={panel} data-testid="slide-duty-report">
        <h3 className={heading}>{t("dutyReview.slide.report", { year })}</h3>
        {r === null ? (
          <p className="text-base text-amber-300">{t("dutyReview.slide.noReport")}</p>
        ) : (
          <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-base">
            <span className="font-medium">{t(`dutyReview.reportStatuses.${r.status}`)}</span>
            {r.submittedAt ? <span className="text-sm text-neutral-400">{formatDate(r.submittedAt, locale)}</span> : null}
            {r.late ? (
              <span className="rounded border border-amber-500/60 px-1 text-sm text-amber-300">{t("dutyReview.slide.late")}</span>
            ) : null}
            {r.copied ? (
              <span className="rounded border border-red-500/60 px-1 text-sm text-red-300" data-testid="slide-copied">
                {r.copied.unitName
                  ? t("dutyReview.slide.copiedFrom", {
                      unit: r.copied.unitName,
                      year: r.copied.year,
                      similarity: formatPercent(r.copied.similarity),
                    })
                  : t("dutyReview.slide.copied", { similarity: formatPercent(r.copied.similarity) })}
              </span>
            ) : null}
          </p>
        )}
      </section>
      <section className={panel} data-testid="slide-appraisal">
        <h3 className={heading}>{t("dutyReview.slide.appraisal")}</h3>
        {a === null ? (
          <p className="text-base text-neutral-400">{t("dutyReview.slide.noAppraisal")}</p>
        ) : (
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-base">
            {(["good", "fairlyGood", "average", "poor"] as const).map((k) => (
              <span key={k} className="whitespace-nowrap">
                {t(`dutyReview.appraisal.${k}`)} <span className="num font-medium">{a[k]}</span>
              </span>
            ))}
            <span className="whitespace-nowrap text-sm text-neutral-400">
              {t("dutyReview.appraisal.ballots", { valid, voters: a.voters })}
            </span>
          </p>
        )}
      </section>
      <section className={`${panel} min-h-0 flex-1 overflow-y-auto`} data-testid="slide-flags">
        <h3 className={heading}>{t("dutyReview.slide.flags", { year })}</h3>
        {duty.flags.length === 0 ? (
          <p className="text-base text-neutral-400">{t("dutyReview.slide.noFlags")}</p>
        ) : (
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-base leading-snug">
            {duty.flags.map((f) => (
              <li key={f.kind} className="whitespace-nowrap">
                {t(`meetings.flags.kinds.${f.kind}`)} <span className="num font-medium text-amber-300">{f.count}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** A secretary's slide: title across the top; the year's trend over last year's items | report, appraisal, flags | the grade panel. */
export function DutySlideBody(props: { item: ReviewItem; duty: Duty; position: number; year: number; panel: React.ReactNode }) {
  const { item, duty, year } = props;
  return (
    <>
      <DutySlideTitle item={item} duty={duty} position={props.position} />
      <div className="grid gap-3 lg:min-h-0 lg:flex-1 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_17rem] 2xl:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_20rem]">
        <div className="flex min-h-0 min-w-0 flex-col gap-3">
          <DutyTrend duty={duty} year={year} />
          <DutyItems duty={duty} year={year} className="max-h-[45%] shrink-0" />
        </div>
        <DutyFacts duty={duty} year={year} />
        {props.panel}
      </div>
    </>
  );
}
