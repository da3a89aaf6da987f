"use client";

import { useLocale, useTranslations } from "next-intl";
import { Badge } from "~/app/_components/ui/badge";
import { Notice } from "~/app/_components/ui/notice";
import { formatDate, formatDateTime } from "~/app/_lib/format-date";
import { dutyStatusTone, type UnitYear, type UnitYearReport } from "./types";

/** The report's state in one line: status, when submitted, 逾期, and the deadline. */
export function DutyReportStatusLine({ data }: { data: UnitYear }) {
  const t = useTranslations("dutyReports");
  const locale = useLocale();
  const r = data.dutyReport;
  const status = r?.status ?? "none";
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="duty-report-status">
      <Badge tone={dutyStatusTone[status]}>{t(`statuses.${status}`)}</Badge>
      {r?.submittedAt ? (
        <span className="text-neutral-700">{t("submittedAt", { when: formatDateTime(r.submittedAt, locale) })}</span>
      ) : null}
      {r?.late ? <Badge tone="warning">{t("late")}</Badge> : null}
      {data.cycle?.dutyReportDeadline ? (
        <span className="text-neutral-600">{t("deadline", { when: formatDate(data.cycle.dutyReportDeadline, locale) })}</span>
      ) : null}
    </div>
  );
}

/** The copied-text warning (雷同): whose text it matched, only when the reader may see that unit. */
export function CopiedNotice({ report }: { report: UnitYearReport }) {
  const t = useTranslations("dutyReports");
  const c = report.copied;
  if (!c) return null;
  const percent = Math.round(c.similarity * 100);
  return (
    <Notice tone="error" className="space-y-1">
      <span className="block font-medium" data-testid="duty-report-copied">
        {c.sameUnit
          ? t("copiedOwn", { year: c.year, percent })
          : c.unitName
            ? t("copiedOther", { unit: c.unitName, year: c.year, percent })
            : t("copiedHidden", { percent })}
      </span>
      {c.text ? <span className="line-clamp-3 text-xs text-red-900">{c.text}</span> : null}
    </Notice>
  );
}

/** The report read-only: last year's items with their answers, then the body. */
export function DutyReportView({ data }: { data: UnitYear }) {
  const t = useTranslations("dutyReports");
  const r = data.dutyReport;
  return (
    <div className="space-y-4">
      <section className="space-y-2">
        <h3 className="text-sm font-semibold">{t("itemsHeading", { year: data.year - 1 })}</h3>
        {data.lastYearItems.length === 0 ? (
          <p className="text-sm text-neutral-500">{t("noItems", { year: data.year - 1 })}</p>
        ) : (
          <ol className="space-y-2 text-sm">
            {data.lastYearItems.map((i, n) => (
              <li key={i.id} className="rounded border border-neutral-200 px-3 py-2">
                <p className="font-medium">{t("itemLabel", { n: n + 1, content: i.content })}</p>
                {i.answer ? (
                  <p className="mt-1">
                    <Badge tone={i.answer.done ? "success" : "warning"}>{t(i.answer.done ? "done" : "notDone")}</Badge>{" "}
                    <span className="text-neutral-700">{i.answer.evidence || "—"}</span>
                  </p>
                ) : (
                  <p className="mt-1 text-neutral-500">{t("unanswered")}</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="space-y-2">
        <h3 className="text-sm font-semibold">{t("bodyHeading")}</h3>
        {r?.text ? (
          <p className="text-sm leading-relaxed whitespace-pre-wrap" data-testid="duty-report-text">
            {r.text}
          </p>
        ) : (
          <p className="text-sm text-neutral-500">{t("noText")}</p>
        )}
      </section>
    </div>
  );
}
