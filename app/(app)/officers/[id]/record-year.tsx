import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "~/app/_lib/format-date";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { cn } from "~/app/_lib/cn";

type Year = RouterOutputs["officer"]["record"]["years"][number];

const one = (x: number | null) => (x === null ? null : x.toFixed(1));
const gradeTone = { good: "text-green-800", fairly_good: "text-blue-800", average: "text-amber-800", poor: "text-red-800" } as const;

/** One year as secretary of one unit: grade, scores and quadrant, appraisal, inspections, cases, last year's items. */
export function RecordYear({ year: y }: { year: Year }) {
  const t = useTranslations();
  const locale = useLocale();
  const day = (d: string) => formatDate(d, locale);
  const o = (key: string, values?: Record<string, string | number>) => t(`officers.record.${key}`, values);
  const quadrantKey = !y.quadrant
    ? "none"
    : y.quadrant.businessOverParty
      ? "businessOverParty"
      : y.quadrant.highBusiness && y.quadrant.highParty
        ? "bothHigh"
        : y.quadrant.highParty
          ? "partyOverBusiness"
          : "bothLow";
  // A year with nothing recorded (before the data began) is one line, so the printed record stays short.
  const empty =
    y.businessScore === null && y.partyScore === null && !y.appraisal && !y.inspections.length && !y.cases.length && !y.items.length;
  const none = <span className="text-neutral-500">{o("none")}</span>;

  return (
    <section className="rounded border border-neutral-200 bg-white" data-keep data-year={y.year} data-unit={y.unitName}>
      <h3 className="flex flex-wrap items-baseline gap-x-3 border-b border-neutral-200 px-4 py-2">
        <span className="text-base font-semibold">{o("yearLabel", { year: y.year })}</span>
        <span>{y.unitName}</span>
        <span className="text-xs text-neutral-500">
          {y.spans.map((s) => o("partOfYear", { from: day(s.from), to: day(s.to) })).join("；")}
        </span>
        <span className="ml-auto text-sm" data-testid="year-grade">
          {o("gradeLabel")}
          {y.grade ? (
            <strong className={cn("font-semibold", gradeTone[y.grade])}>
              {t(`grades.${y.grade}`)}
              {y.gradeChanged ? <span className="ml-1 text-xs font-normal">（{o("gradeChanged")}）</span> : null}
            </strong>
          ) : (
            <span className="text-neutral-600">{o(`gradeStates.${y.gradeState === "pending" ? "pending" : "none"}`)}</span>
          )}
        </span>
      </h3>
      {empty ? (
        <p className="px-4 py-2 text-sm text-neutral-500">{o("emptyYear")}</p>
      ) : (
        <dl className="grid gap-x-6 gap-y-2 px-4 py-3 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="text-neutral-500">{o("columns.scores")}</dt>
          <dd>
            {y.businessScore === null && y.partyScore === null
              ? o("quadrants.none")
              : o("scores", { business: one(y.businessScore) ?? o("noScore"), party: one(y.partyScore) ?? o("noScore") })}
          </dd>
          <dt className="text-neutral-500">{o("columns.quadrant")}</dt>
          <dd>
            <span className={cn(quadrantKey === "businessOverParty" && "font-semibold text-red-800")}>{o(`quadrants.${quadrantKey}`)}</span>
            {y.quadrant ? (
              <span className="ml-2 text-xs text-neutral-500">
                {o(`quadrantBasis.${y.quadrant.basis}`, {
                  count: y.quadrant.compared,
                  business: one(y.quadrant.businessLine)!,
                  party: one(y.quadrant.partyLine)!,
                })}
              </span>
            ) : null}
          </dd>
          <dt className="text-neutral-500">{o("columns.appraisal")}</dt>
          <dd>
            {y.appraisal ? (
              <>
                {o("appraisalCounts", {
                  good: y.appraisal.good,
                  fairlyGood: y.appraisal.fairlyGood,
                  average: y.appraisal.average,
                  poor: y.appraisal.poor,
                })}
                {y.appraisal.goodRate !== null ? (
                  <span className="ml-2 font-medium">{o("goodRate", { rate: `${(y.appraisal.goodRate * 100).toFixed(1)}%` })}</span>
                ) : null}
              </>
            ) : (
              <span className="text-neutral-500">{o("noAppraisal")}</span>
            )}
          </dd>
          <dt className="text-neutral-500">{o("columns.inspections")}</dt>
          <dd>
            {y.inspections.length
              ? y.inspections.map((i) => (
                  <p key={i.id}>
                    {day(i.inspectedOn)} {t(`inspections.results.${i.result}`)}
                    {i.findings ? <span className="ml-2 text-xs text-neutral-600">{i.findings}</span> : null}
                  </p>
                ))
              : none}
          </dd>
          <dt className="text-neutral-500">{o("columns.cases")}</dt>
          <dd>
            {y.cases.length
              ? y.cases.map((c) => (
                  <p key={c.id}>
                    {o("caseLine", {
                      date: day(c.openedOn),
                      subject: t(`cases.subjects.${c.subject}`),
                      form: t(`cases.forms.${c.form}`),
                      status: t(`cases.statuses.${c.status}`),
                    })}
                  </p>
                ))
              : none}
          </dd>
          <dt className="text-neutral-500">{o("columns.items")}</dt>
          <dd>
            {y.items.length ? (
              <ul className="space-y-0.5">
                {y.items.map((i) => (
                  <li key={i.id}>
                    <span
                      className={cn(
                        "mr-2 inline-block rounded border px-1 text-xs",
                        i.done === true
                          ? "border-green-300 text-green-800"
                          : i.done === false
                            ? "border-amber-300 text-amber-800"
                            : "border-red-300 text-red-800",
                      )}
                    >
                      {o(i.done === true ? "itemsDone" : i.done === false ? "itemsNotDone" : "itemsUnanswered")}
                    </span>
                    {i.content}
                    {i.evidence ? <span className="ml-2 text-xs text-neutral-600">{i.evidence}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              none
            )}
          </dd>
        </dl>
      )}
    </section>
  );
}
