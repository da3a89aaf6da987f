import { useLocale, useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { Badge } from "~/app/_components/ui/badge";
import { Notice } from "~/app/_components/ui/notice";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { formatQuarter } from "~/lib/quarter";
import { meetingTone } from "./tones";
import { formatDate } from "~/app/_lib/format-date";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";
import { reviewNewHref } from "./new/params";

const linkClass = "text-party hover:underline";

/**
 * The list of review meetings, newest quarter first; reviewers and admins may convene a new one.
 * Rendered on the server: a table of links.
 */
export function ReviewList({ unitId, list }: { unitId: number; list: PageRead<RouterOutputs["review"]["list"]> }) {
  const t = useTranslations();
  const locale = useLocale();
  if (!list.ok) return <Notice tone="error">{t("common.error", { message: list.message })}</Notice>;
  const { canWrite, meetings } = list.data;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-4 rounded border border-neutral-200 bg-white px-4 py-3">
        <div className="mr-auto">
          <h1 className="text-lg font-semibold">{t("review.heading")}</h1>
          <p className="mt-0.5 text-xs text-neutral-500">{t("review.intro")}</p>
        </div>
        {canWrite ? (
          <Link
            href={reviewNewHref("/review/new", { unit: unitId })}
            className="inline-flex h-8 items-center rounded bg-party px-3 text-sm font-medium text-white hover:bg-party-dark focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-party"
          >
            {t("review.new")}
          </Link>
        ) : null}
      </div>
      {!canWrite ? <Notice>{t("review.readOnly")}</Notice> : null}
      {meetings.length === 0 ? (
        <p className="rounded border border-neutral-200 bg-white px-4 py-3 text-sm text-neutral-500">{t("review.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded border border-neutral-200 bg-white">
          <Table data-testid="review-table">
            <THead className="bg-neutral-50 text-left text-xs text-neutral-600">
              <TR>
                {(["title", "unit", "quarter", "status", "heldOn"] as const).map((c) => (
                  <TH key={c} scope="col" className="px-3 py-2 font-medium">
                    {t(`review.columns.${c}`)}
                  </TH>
                ))}
                <TH scope="col" className="num px-3 py-2 font-medium">
                  {t("review.columns.progress")}
                </TH>
                <TH scope="col" className="num px-3 py-2 font-medium">
                  {t("review.columns.cases")}
                </TH>
                <TH scope="col" className="px-3 py-2 font-medium">
                  {t("review.columns.actions")}
                </TH>
              </TR>
            </THead>
            <TBody className="divide-y divide-neutral-100">
              {meetings.map((m) => (
                <TR key={m.id} data-review={m.id}>
                  <TD className="px-3 py-2">
                    <Link className={linkClass} href={`/review/${m.id}`}>
                      {m.title}
                    </Link>
                  </TD>
                  <TD className="px-3 py-2">{m.unitName}</TD>
                  <TD className="whitespace-nowrap px-3 py-2">
                    {m.kind === "duty_review" && m.year !== null
                      ? `${t("dutyReview.year", { year: m.year })} · ${t("dutyReview.kind.duty_review")}`
                      : formatQuarter(m.quarter, locale)}
                  </TD>
                  <TD className="px-3 py-2">
                    <Badge tone={meetingTone[m.status]}>{t(`review.statuses.${m.status}`)}</Badge>
                  </TD>
                  <TD className="whitespace-nowrap px-3 py-2">{formatDate(m.heldOn, locale)}</TD>
                  <TD className="num whitespace-nowrap px-3 py-2">{t("review.progress", { decided: m.decided, items: m.items })}</TD>
                  <TD className="num px-3 py-2">{m.cases}</TD>
                  <TD className="whitespace-nowrap px-3 py-2">
                    <span className="flex gap-3">
                      <Link className={linkClass} href={`/review/${m.id}/present`}>
                        {t("review.links.present")}
                      </Link>
                      <Link className={linkClass} href={`/review/${m.id}/minutes`}>
                        {t("review.links.minutes")}
                      </Link>
                    </span>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </div>
      )}
    </div>
  );
}
