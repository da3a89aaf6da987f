"use client";

import { useTranslations } from "next-intl";
import { Button } from "~/app/_components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { GradeBadge } from "./grade-badge";
import type { GradeRow } from "./grades-client";

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** How a unit's grade was computed: the four quarters, each part with its weight, deductions, vetoes, rank and quota. */
export function BreakdownPanel({ row, onClose }: { row: GradeRow; onClose?: () => void }) {
  const t = useTranslations("assessmentGrades");
  const tg = useTranslations("grades");
  const b = row.breakdown;
  const q = b.quota;
  return (
    <section
      className="space-y-3 rounded border border-neutral-200 bg-white px-4 py-3 text-sm"
      aria-label={t("breakdown.title", { unit: row.unitName })}
      data-testid="grade-breakdown"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 className="font-medium">{t("breakdown.title", { unit: row.unitName })}</h2>
        {onClose ? (
          <Button type="button" variant="ghost" className="px-2 py-0.5 text-xs" onClick={onClose} aria-label={t("breakdown.close")}>
            ×
          </Button>
        ) : null}
      </div>
      {row.preliminary ? (
        <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid="breakdown-preliminary">
          {t("breakdown.preliminary")}
        </p>
      ) : null}
      <div>
        <h3 className="mb-1 text-xs font-medium text-neutral-600">{t("breakdown.quarterly")}</h3>
        <ul className="grid grid-cols-4 gap-1 text-center">
          {b.quarterly.map((s, i) => (
            <li key={i} className="rounded bg-neutral-50 px-1 py-1">
              <div className="text-xs text-neutral-500">{t("breakdown.quarter", { q: i + 1 })}</div>
              {b.pendingQuarters?.[i] ? (
                <div className="text-xs text-amber-800" title={t("breakdown.pendingTitle")} data-testid="quarter-pending">
                  {t("breakdown.pending")}
                </div>
              ) : i < (b.quartersDue ?? 4) ? (
                <div className="tabular-nums" title={s === null ? t("breakdown.noQuarter") : undefined}>
                  {s === null ? t("breakdown.zero") : s.toFixed(1)}
                </div>
              ) : (
                <div className="text-xs text-neutral-500" title={t("breakdown.notDueTitle")}>
                  {t("breakdown.notDue")}
                </div>
              )}
            </li>
          ))}
        </ul>
      </div>
      <Table>
        <THead className="text-left text-xs text-neutral-600">
          <TR>
            <TH scope="col" className="py-1 font-medium">
              {t("breakdown.part")}
            </TH>
            <TH scope="col" className="py-1 font-medium">
              {t("breakdown.partScore")}
            </TH>
            <TH scope="col" className="py-1 font-medium">
              {t("breakdown.weight")}
            </TH>
            <TH scope="col" className="py-1 font-medium">
              {t("breakdown.effectiveWeight")}
            </TH>
          </TR>
        </THead>
        <TBody>
          {b.parts.map((p) => (
            <TR key={p.part} className="border-t border-neutral-100">
              <TD className="py-1">{t(`breakdown.parts.${p.part}`)}</TD>
              <TD className="py-1 tabular-nums">
                {p.score === null ? <span className="text-xs text-neutral-500">{t("breakdown.missing")}</span> : p.score.toFixed(2)}
              </TD>
              <TD className="py-1 tabular-nums">{percent(p.weight)}</TD>
              <TD className="py-1 tabular-nums">{percent(p.effectiveWeight)}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-neutral-600">{t("breakdown.base")}</dt>
        <dd className="tabular-nums">{b.base.toFixed(2)}</dd>
        <dt className="text-neutral-600">{t("breakdown.deductions")}</dt>
        <dd>
          {b.deductions.length === 0 ? (
            t("breakdown.noDeductions")
          ) : (
            <ul>
              {b.deductions.map((d, i) => (
                <li key={i}>
                  {t("breakdown.deduction", { form: t(`caseForms.${d.form}`), subject: t(`caseSubjects.${d.subject}`), points: d.points })}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt className="text-neutral-600">{t("breakdown.score")}</dt>
        <dd className="font-medium tabular-nums">{b.score.toFixed(2)}</dd>
        <dt className="text-neutral-600">{t("breakdown.band")}</dt>
        <dd>
          <GradeBadge grade={b.band} />
        </dd>
        <dt className="text-neutral-600">{t("breakdown.vetoes")}</dt>
        <dd>
          {b.vetoes.length === 0 ? (
            t("breakdown.noVetoes")
          ) : (
            <ul>
              {b.vetoes.map((v) => (
                <li key={v.code} className="text-red-800">
                  {t("breakdown.vetoCap", { veto: t(`vetoes.${v.code}`), cap: tg(v.cap) })}
                </li>
              ))}
            </ul>
          )}
          {b.dutyReportNotDue ? (
            <p className="text-xs text-neutral-600" data-testid="duty-report-not-due">
              {t("breakdown.dutyReportNotDue")}
            </p>
          ) : null}
        </dd>
        <dt className="text-neutral-600">{t("breakdown.capped")}</dt>
        <dd>
          <GradeBadge grade={b.capped} />
        </dd>
        <dt className="text-neutral-600">{t("breakdown.computed")}</dt>
        <dd>
          <GradeBadge grade={row.computed} />
        </dd>
      </dl>
      {q ? (
        <p className="text-neutral-700" data-testid="quota-position">
          {t("breakdown.rank", { rank: q.rank, of: q.of, allowedGood: q.allowedGood })}
          {q.allowedFairlyGood !== null ? t("breakdown.fairlyGoodQuota", { allowed: q.allowedFairlyGood }) : null}
          {q.movedDown ? (
            <span className="block text-amber-800">{t("breakdown.movedDown", { from: tg(b.capped), to: tg(row.computed) })}</span>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
