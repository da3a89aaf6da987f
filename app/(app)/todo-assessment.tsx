"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Badge } from "~/app/_components/ui/badge";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { Table, TBody, TD, TR } from "~/app/_components/ui/table";
import { formatDate, formatDateTime } from "~/app/_lib/format-date";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { assessmentHref } from "./assessment/params";

type AssessmentTodo = RouterOutputs["todo"]["list"]["assessment"];

const linkClass = "text-party hover:underline";
const cell = "py-1.5";

/** Whether the annual assessment's part of the to-do has anything to show. */
export const assessmentTodoIsEmpty = (a: AssessmentTodo) =>
  a.dutyReportsDue.length === 0 && a.openItems.length === 0 && !a.toDecide?.total && !a.overdueItems?.total;

/** The unit's page of one year, where the comment's items are marked done and the level above assesses. */
export const unitYearHref = (unitId: number, year: number) => assessmentHref(`/assessment/units/${unitId}`, { year });

/**
 * The annual assessment in the to-do: for the unit, the duty report to write (撰写述职报告) and the
 * open items of the superior's comment (点评整改事项); for the level above, the duty reports to
 * accept or return and the comment items past their deadline.
 */
export function TodoAssessment({ a }: { a: AssessmentTodo }) {
  const t = useTranslations("dutyReports.todo");
  const locale = useLocale();
  const day = (d: string | Date) => formatDate(d, locale);
  return (
    <>
      {a.dutyReportsDue.map((d) => (
        <Card key={d.year} data-testid="todo-duty-report">
          <CardHeader title={t("writeTitle", { year: d.year })} />
          <div className="flex flex-wrap items-center gap-4 px-4 py-3 text-sm">
            {d.status === "returned" ? (
              <span className="text-amber-900">{t("returned", { reason: d.returnReason ?? "—" })}</span>
            ) : (
              <Badge>{t(d.status === "draft" ? "draft" : "notStarted")}</Badge>
            )}
            <span className={d.overdue ? "font-medium text-red-800" : "text-neutral-700"}>
              {t(d.overdue ? "overdueSince" : "dueBy", { when: day(d.deadline) })}
            </span>
            <Link className={linkClass} href={assessmentHref("/assessment/duty", { year: d.year })}>
              {t("write")}
            </Link>
          </div>
        </Card>
      ))}

      {a.openItems.length > 0 ? (
        <Card data-testid="todo-comment-items">
          <CardHeader title={t("itemsTitle")} description={t("itemsHint")} />
          <Table>
            <TBody>
              {a.openItems.map((i) => (
                <TR key={i.id} className="border-t border-neutral-100">
                  <TD className={`${cell} pl-4`}>{i.content}</TD>
                  <TD className={i.overdue ? "whitespace-nowrap text-red-800" : "whitespace-nowrap text-neutral-700"}>
                    {t(i.overdue ? "itemOverdue" : "itemDue", { date: day(i.deadline) })}
                  </TD>
                  <TD className="pr-4 text-right">
                    <Link className={linkClass} href={unitYearHref(i.unitId, i.year)}>
                      {t("markDone")}
                    </Link>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </Card>
      ) : null}

      {a.toDecide && a.toDecide.total > 0 ? (
        <Card data-testid="todo-duty-reports-to-decide">
          <CardHeader title={t("decideTitle", { count: a.toDecide.total })} />
          <Table>
            <TBody>
              {a.toDecide.rows.map((r) => (
                <TR key={`${r.year}-${r.unitId}`} className="border-t border-neutral-100">
                  <TD className={`${cell} pl-4`}>{r.unitName}</TD>
                  <TD>{t("yearReport", { year: r.year })}</TD>
                  <TD>
                    {formatDateTime(r.submittedAt, locale)} {r.late ? <Badge tone="warning">{t("late")}</Badge> : null}
                  </TD>
                  <TD className="pr-4 text-right">
                    <Link className={linkClass} href={unitYearHref(r.unitId, r.year)}>
                      {t("decide")}
                    </Link>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </Card>
      ) : null}

      {a.overdueItems && a.overdueItems.total > 0 ? (
        <Card data-testid="todo-overdue-comment-items">
          <CardHeader title={t("overdueItemsTitle", { count: a.overdueItems.total })} />
          <Table>
            <TBody>
              {a.overdueItems.rows.map((r) => (
                <TR key={r.id} className="border-t border-neutral-100">
                  <TD className={`${cell} pl-4`}>{r.unitName}</TD>
                  <TD>{r.content}</TD>
                  <TD className="whitespace-nowrap text-red-800">{t("itemOverdue", { date: day(r.deadline) })}</TD>
                  <TD className="pr-4 text-right">
                    <Link className={linkClass} href={unitYearHref(r.unitId, r.year)}>
                      {t("openUnit")}
                    </Link>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </Card>
      ) : null}
    </>
  );
}
