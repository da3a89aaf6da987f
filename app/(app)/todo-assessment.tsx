import { useLocale, useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import type { ReactNode } from "react";
import { Badge } from "~/app/_components/ui/badge";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { Table, TBody, TD, TR } from "~/app/_components/ui/table";
import { formatDate, formatDateTime } from "~/app/_lib/format-date";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { dutyHref } from "./assessment/duty/params";
import { assessmentHref, unitYearHref } from "./assessment/params";

type AssessmentTodo = RouterOutputs["todo"]["list"]["assessment"];

const linkClass = "text-party hover:underline";
const cell = "py-1.5";

/** Whether the annual assessment's part of the to-do has anything to show. */
export const assessmentTodoIsEmpty = (a: AssessmentTodo) =>
  a.dutyReportsDue.length === 0 &&
  a.openItems.length === 0 &&
  !a.toDecide?.total &&
  !a.overdueItems?.total &&
  !a.toGrade.some((g) => g.ungraded > 0);

/** The unit's page of one year, where the comment's items are marked done and the level above assesses. */

/**
 * The annual assessment in the to-do: for the unit, the duty report to write (撰写述职报告) and the
 * open items of the superior's comment (点评整改事项); for the level above, the duty reports to
 * accept or return, the comment items past their deadline and, while a year is being rated, the
 * units still without a final grade (评定等次).
 */
export function TodoAssessment({ a }: { a: AssessmentTodo }) {
  const t = useTranslations("dutyReports.todo");
  const tw = useTranslations("assessmentWalk.todo");
  const locale = useLocale();
  const day = (d: string | Date) => formatDate(d, locale);
  return (
    <>
      {a.toGrade
        .filter((g) => g.ungraded > 0)
        .map((g) => (
          <Card key={`grade-${g.year}`} data-testid="todo-grade-units">
            <CardHeader title={tw("gradeTitle", { year: g.year })} />
            <div className="flex flex-wrap items-center gap-4 px-4 py-3 text-sm">
              <span className="text-neutral-700">{tw("gradeLeft", { ungraded: g.ungraded, units: g.units })}</span>
              <Link className={linkClass} href={assessmentHref("/assessment", { year: g.year })}>
                {tw("grade")}
              </Link>
            </div>
          </Card>
        ))}

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
        <TodoListCard
          testId="todo-duty-reports-to-decide"
          title={t("decideTitle", { count: a.toDecide.total })}
          total={a.toDecide.total}
          moreHref={dutyHref("/assessment/duty", { year: a.toDecide.rows[0]?.year ?? null, status: "submitted" })}
          rows={a.toDecide.rows.map((r) => ({
            key: `${r.year}-${r.unitId}`,
            cells: [
              r.unitName,
              t("yearReport", { year: r.year }),
              <span key="submitted">
                {formatDateTime(r.submittedAt, locale)} {r.late ? <Badge tone="warning">{t("late")}</Badge> : null}
              </span>,
            ],
            href: unitYearHref(r.unitId, r.year),
            action: t("decide"),
          }))}
        />
      ) : null}

      {a.overdueItems && a.overdueItems.total > 0 ? (
        <TodoListCard
          testId="todo-overdue-comment-items"
          title={t("overdueItemsTitle", { count: a.overdueItems.total })}
          total={a.overdueItems.total}
          moreHref="/assessment/items"
          rows={a.overdueItems.rows.map((r) => ({
            key: String(r.id),
            cells: [
              r.unitName,
              r.content,
              <span key="deadline" className="whitespace-nowrap text-red-800">
                {t("itemOverdue", { date: day(r.deadline) })}
              </span>,
            ],
            href: unitYearHref(r.unitId, r.year),
            action: t("openUnit"),
          }))}
        />
      ) : null}
    </>
  );
}

/**
 * One block of the level above's to-do: the first rows (unit first, then the row's facts and a
 * link), and when the to-do shows fewer than there are, “查看全部（共 N 项）” to the full list.
 */
function TodoListCard(props: {
  testId: string;
  title: string;
  total: number;
  moreHref: string;
  rows: { key: string; cells: ReactNode[]; href: string; action: string }[];
}) {
  const t = useTranslations("assessmentWalk.todo");
  return (
    <Card data-testid={props.testId}>
      <CardHeader
        title={props.title}
        actions={
          props.total > props.rows.length ? (
            <Link className={linkClass} href={props.moreHref} data-testid={`${props.testId}-all`}>
              {t("all", { total: props.total })}
            </Link>
          ) : undefined
        }
      />
      <Table>
        <TBody>
          {props.rows.map((r) => (
            <TR key={r.key} className="border-t border-neutral-100">
              {r.cells.map((c, i) => (
                <TD key={i} className={i === 0 ? `${cell} pl-4` : undefined}>
                  {c}
                </TD>
              ))}
              <TD className="pr-4 text-right">
                <Link className={linkClass} href={r.href}>
                  {r.action}
                </Link>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
