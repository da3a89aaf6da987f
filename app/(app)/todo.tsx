import { useLocale, useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { Badge } from "~/app/_components/ui/badge";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { lastDueDay } from "~/app/_lib/deadline";
import { statusTone } from "~/app/_lib/status";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { formatQuarter } from "~/lib/quarter";
import { formatDate, formatDateTime } from "~/app/_lib/format-date";
import { oversightIsEmpty, TodoOversight } from "./todo-oversight";
import { assessmentTodoIsEmpty, TodoAssessment } from "./todo-assessment";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { unitQuarterHref } from "~/app/_lib/quarter-params";

const linkClass = "text-party hover:underline";

/** The signed-in user's to-do list (待办), rendered on the server: cards of links. */
export function Todo({ name, todo }: { name: string; todo: PageRead<RouterOutputs["todo"]["list"]> }) {
  const t = useTranslations();
  const locale = useLocale();
  const day = (d: Date) => formatDate(d, locale);
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : "—");

  if (!todo.ok)
    return (
      <p role="alert" className="text-sm text-red-800">
        {t("common.error", { message: todo.message })}
      </p>
    );
  const data = todo.data;
  const nothing =
    !data.due &&
    data.returned.length === 0 &&
    data.meetingsOutstanding.length === 0 &&
    data.toReviewTotal === 0 &&
    !data.completeness &&
    oversightIsEmpty(data.oversight) &&
    assessmentTodoIsEmpty(data.assessment);
  const q = (quarter: string) => formatQuarter(quarter, locale);

  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold">{t("todo.heading", { name })}</h1>
      {nothing ? (
        <p className="rounded border border-neutral-200 bg-white px-4 py-6 text-sm text-neutral-500">{t("todo.nothing")}</p>
      ) : null}

      {data.due ? (
        <Card data-testid="todo-due">
          <CardHeader title={t("todo.dueTitle", { quarter: q(data.due.quarter) })} />
          <div className="flex flex-wrap items-center gap-4 px-4 py-3 text-sm">
            <Badge tone={statusTone[data.due.state as keyof typeof statusTone] ?? "neutral"}>{t(`status.${data.due.state}`)}</Badge>
            <span className={data.due.overdue ? "font-medium text-red-800" : "text-neutral-700"}>
              {t(data.due.overdue ? "todo.overdueSince" : "todo.dueBy", { when: day(lastDueDay(data.due.deadline)) })}
            </span>
            <Link className={linkClass} href={unitQuarterHref("/report", { unit: data.due.unitId, quarter: data.due.quarter })}>
              {t("todo.fillIn")}
            </Link>
          </div>
        </Card>
      ) : null}

      {data.returned.length > 0 ? (
        <Card data-testid="todo-returned">
          <CardHeader title={t("todo.returnedTitle")} />
          <ul className="divide-y divide-neutral-100 text-sm">
            {data.returned.map((r) => (
              <li key={r.quarter} className="flex flex-wrap items-center gap-4 px-4 py-2">
                <span className="font-medium">{q(r.quarter)}</span>
                <span className="text-amber-900">{t("todo.reason", { reason: r.reason ?? "—" })}</span>
                <Link className={linkClass} href={unitQuarterHref("/report", { unit: r.unitId, quarter: r.quarter })}>
                  {t("todo.fix")}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {data.meetingsOutstanding.length > 0 ? (
        <Card data-testid="todo-meetings">
          <CardHeader title={t("todo.meetingsTitle", { quarter: q(data.meetingsOutstanding[0]!.quarter) })} />
          <ul className="divide-y divide-neutral-100 text-sm">
            {data.meetingsOutstanding.map((m) => (
              <li key={m.type} className="flex flex-wrap items-center gap-4 px-4 py-2">
                <span className="w-36 font-medium">{t(`meetings.types.${m.type}`)}</span>
                <span className="text-neutral-700">{t("todo.meetingsHeld", { held: m.held, expected: m.expected })}</span>
              </li>
            ))}
          </ul>
          <div className="border-t border-neutral-100 px-4 py-2 text-sm">
            <Link className={linkClass} href={unitQuarterHref("/meetings", { quarter: data.meetingsOutstanding[0]!.quarter })}>
              {t("todo.recordMeeting")}
            </Link>
          </div>
        </Card>
      ) : null}

      {data.toReviewTotal > 0 ? (
        <Card data-testid="todo-review">
          <CardHeader title={t("todo.reviewTitle", { count: data.toReviewTotal })} />
          <Table>
            <THead className="text-left text-xs text-neutral-500">
              <TR>
                <TH className="py-1.5 pl-4 font-normal">{t("common.unit")}</TH>
                <TH className="font-normal">{t("common.quarter")}</TH>
                <TH className="font-normal">{t("todo.submittedAt")}</TH>
                <TH className="pr-4" />
              </TR>
            </THead>
            <TBody>
              {data.toReview.map((r) => (
                <TR key={`${r.unitId}-${r.quarter}`} className="border-t border-neutral-100">
                  <TD className="py-1.5 pl-4">{r.unitName}</TD>
                  <TD>{q(r.quarter)}</TD>
                  <TD>
                    {when(r.submittedAt)} {r.late ? <Badge tone="warning">{t("completeness.late")}</Badge> : null}
                  </TD>
                  <TD className="pr-4 text-right">
                    <Link className={linkClass} href={unitQuarterHref("/report", { unit: r.unitId, quarter: r.quarter })}>
                      {t("todo.review")}
                    </Link>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </Card>
      ) : null}

      <TodoAssessment a={data.assessment} />

      {data.oversight ? <TodoOversight o={data.oversight} /> : null}

      {data.completeness ? (
        <Card data-testid="todo-completeness">
          <CardHeader title={t("todo.completenessTitle", { quarter: q(data.quarter) })} />
          <div className="flex flex-wrap items-center gap-6 px-4 py-3 text-sm">
            <span>
              {t("todo.handedIn", { n: data.completeness.submitted + data.completeness.approved, total: data.completeness.total })}
            </span>
            <span>{t("todo.notHandedIn", { n: data.completeness.total - data.completeness.submitted - data.completeness.approved })}</span>
            <span className="text-neutral-600">{t("todo.deadline", { when: day(lastDueDay(data.deadline)) })}</span>
            <Link className={linkClass} href={unitQuarterHref("/completeness", { quarter: data.quarter })}>
              {t("todo.seeCompleteness")}
            </Link>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
