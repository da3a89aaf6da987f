import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { Notice } from "~/app/_components/ui/notice";
import { formatDate } from "~/app/_lib/format-date";
import { formatQuarter } from "~/lib/quarter";
import { undecidedCount, type Review } from "./review";

/** The meeting's facts under its heading (rendered on the server): who may write, the quarter or year, chair, progress, attendees. */
export async function MeetingFacts({ meeting: m }: { meeting: Review }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const undecided = undecidedCount(m);
  return (
    <>
      {!m.canWrite ? <Notice>{t("review.readOnly")}</Notice> : null}
      {m.outOfReach > 0 ? <Notice>{t("review.outOfReach", { count: m.outOfReach })}</Notice> : null}
      <Card>
        <CardHeader title={m.unitName} />
        <dl className="grid grid-cols-[6rem_1fr] gap-x-4 gap-y-1.5 px-4 py-3 text-sm sm:grid-cols-[6rem_1fr_6rem_1fr]">
          {m.kind === "duty_review" && m.year !== null ? (
            <>
              <dt className="text-neutral-500">{t("dutyReview.newPage.yearLabel")}</dt>
              <dd>{t("dutyReview.year", { year: m.year })}</dd>
            </>
          ) : (
            <>
              <dt className="text-neutral-500">{t("review.meeting.quarter")}</dt>
              <dd>{formatQuarter(m.quarter, locale)}</dd>
            </>
          )}
          <dt className="text-neutral-500">{t("review.meeting.heldOn")}</dt>
          <dd>{m.heldOn ? formatDate(m.heldOn, locale) : t("review.meeting.notHeld")}</dd>
          <dt className="text-neutral-500">{t("review.meeting.chair")}</dt>
          <dd>{m.chairName ?? "—"}</dd>
          <dt className="text-neutral-500">{t("review.columns.progress")}</dt>
          <dd>
            <span className="num">{t("review.progress", { decided: m.items.length - undecided, items: m.items.length })}</span>
          </dd>
          <dt className="text-neutral-500">{t("review.attendees.label")}</dt>
          <dd className="whitespace-pre-line sm:col-span-3" data-testid="meeting-attendees">
            {m.attendees || t("review.attendees.none")}
          </dd>
        </dl>
      </Card>
    </>
  );
}
