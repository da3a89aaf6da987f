import { useLocale, useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { Badge } from "~/app/_components/ui/badge";
import { Card, CardHeader } from "~/app/_components/ui/card";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { formatQuarter } from "~/lib/quarter";
import { formatDate } from "~/app/_lib/format-date";
import { Table, TBody, TD, TR } from "~/app/_components/ui/table";
import { dashboardHref } from "~/app/(app)/dashboard/dashboard-links";

type Oversight = NonNullable<RouterOutputs["todo"]["list"]["oversight"]>;

const linkClass = "text-party hover:underline";
const cell = "py-1.5";

/** Whether the oversight part has anything to show (the to-do's "nothing to do" needs to know). */
export const oversightIsEmpty = (o: Oversight | null) =>
  !o || (o.overdueRectifications.items === 0 && (o.cases?.total ?? 0) === 0 && o.flags.count === 0 && o.reviewMeetingsTotal === 0);

/**
 * What waits for reviewers and leaders: overdue rectification items, open cases they move, the
 * formalism flags of the last two quarters, and review meetings not yet closed — each linking
 * to where the person acts.
 */
export function TodoOversight({ o }: { o: Oversight }) {
  const t = useTranslations();
  const locale = useLocale();
  const q = (quarter: string) => formatQuarter(quarter, locale);
  const day = (iso: string) => formatDate(iso, locale);

  return (
    <>
      {o.overdueRectifications.items > 0 ? (
        <Card data-testid="todo-overdue-rectifications">
          <CardHeader
            title={t("todoOversight.overdueTitle", { items: o.overdueRectifications.items, cases: o.overdueRectifications.cases })}
          />
          <Table>
            <TBody>
              {o.overdueRectifications.rows.map((r) => (
                <TR key={r.itemId} className="border-t border-neutral-100">
                  <TD className={`${cell} pl-4`}>{r.unitName}</TD>
                  <TD>{r.description}</TD>
                  <TD className="whitespace-nowrap text-red-800">{t("todoOversight.dueSince", { date: day(r.deadline) })}</TD>
                  <TD className="pr-4 text-right">
                    <Link className={linkClass} href={`/cases/${r.caseId}`}>
                      {t("todoOversight.openCase", { id: r.caseId })}
                    </Link>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          {o.overdueRectifications.items > o.overdueRectifications.rows.length ? (
            <p className="border-t border-neutral-100 px-4 py-2 text-xs text-neutral-500">
              {t("todoOversight.more", { n: o.overdueRectifications.items - o.overdueRectifications.rows.length })}{" "}
              <Link className={linkClass} href="/cases/dashboard">
                {t("todoOversight.seeAllOverdue")}
              </Link>
            </p>
          ) : null}
        </Card>
      ) : null}

      {o.cases && o.cases.total > 0 ? (
        <Card data-testid="todo-cases">
          <CardHeader
            title={t("todoOversight.casesTitle", { n: o.cases.total })}
            description={Object.entries(o.cases.byStatus)
              .map(([s, n]) => `${t(`cases.statuses.${s}`)} ${n}`)
              .join(" · ")}
          />
          <Table>
            <TBody>
              {o.cases.rows.map((c) => (
                <TR key={c.id} className="border-t border-neutral-100">
                  <TD className={`${cell} pl-4`}>{t("todoOversight.caseNo", { id: c.id })}</TD>
                  <TD>{c.unitName}</TD>
                  <TD>{t(`categories.${c.category}`)}</TD>
                  <TD>
                    <Badge>{t(`cases.statuses.${c.status}`)}</Badge>
                  </TD>
                  <TD className="text-neutral-600">{t("todoOversight.lastMoved", { when: formatDate(c.updatedAt, locale) })}</TD>
                  <TD className="pr-4 text-right">
                    <Link className={linkClass} href={`/cases/${c.id}`}>
                      {t("todoOversight.handle")}
                    </Link>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <div className="border-t border-neutral-100 px-4 py-2 text-sm">
            <Link className={linkClass} href="/cases">
              {t("todoOversight.allCases")}
            </Link>
          </div>
        </Card>
      ) : null}

      {o.flags.count > 0 ? (
        <Card data-testid="todo-flags">
          <CardHeader title={t("todoOversight.flagsTitle", { n: o.flags.count })} />
          <div className="flex flex-wrap items-center gap-4 px-4 py-3 text-sm">
            <span>
              {t("todoOversight.flagsBody", { n: o.flags.count, units: o.flags.units, from: q(o.flags.from), to: q(o.flags.to) })}
            </span>
            <Link className={linkClass} href={dashboardHref("/dashboard/meetings", { from: o.flags.from, to: o.flags.to })}>
              {t("todoOversight.seeFlags")}
            </Link>
          </div>
        </Card>
      ) : null}

      {o.reviewMeetingsTotal > 0 ? (
        <Card data-testid="todo-review-meetings">
          <CardHeader title={t("todoOversight.meetingsTitle", { n: o.reviewMeetingsTotal })} />
          <Table>
            <TBody>
              {o.reviewMeetings.map((m) => (
                <TR key={m.id} className="border-t border-neutral-100">
                  <TD className={`${cell} pl-4 font-medium`}>{m.title}</TD>
                  <TD>{m.unitName}</TD>
                  <TD>{q(m.quarter)}</TD>
                  <TD>
                    <Badge tone={m.status === "running" ? "warning" : "neutral"}>{t(`review.statuses.${m.status}`)}</Badge>
                  </TD>
                  <TD className="text-neutral-600">{t("todoOversight.agendaItems", { n: m.items })}</TD>
                  <TD className="pr-4 text-right">
                    <Link className={linkClass} href={`/review/${m.id}`}>
                      {t("todoOversight.openMeeting")}
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
