import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "~/app/_components/ui/link";
import { Notice } from "~/app/_components/ui/notice";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { grades, reviewDecisions } from "~/lib/codes";
import { formatQuarter } from "~/lib/quarter";
import { ReasonList } from "../../reason-text";
import { PrintButton } from "~/app/_components/print-button";
import { formatDate, formatDateTime } from "~/app/_lib/format-date";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";

/**
 * 会议纪要: the meeting, who attended, the units reviewed (审议对象) and every decision, laid out to
 * print. Rendered on the server from `review.get` (nothing to hydrate but the print button).
 */
export async function Minutes({ id, got }: { id: number; got: PageRead<RouterOutputs["review"]["get"]> }) {
  const t = await getTranslations();
  const locale = await getLocale();
  if (!got.ok) return <Notice tone="error">{t("common.error", { message: got.message })}</Notice>;
  const m = got.data;
  // A 述职评议会's minutes: each unit's secretary, the grade proposed and the comment (点评).
  const duty = m.kind === "duty_review" && m.year !== null;
  const counts = (
    duty
      ? grades.map((g) => ({ label: t(`grades.${g}`), n: m.items.filter((i) => i.duty?.grade?.proposed === g).length }))
      : reviewDecisions.map((d) => ({ label: t(`review.decisions.${d}`), n: m.items.filter((i) => i.decision === d).length }))
  )
    .filter((c) => c.n > 0)
    .map((c) => `${c.label} ${c.n}`)
    .join(t("review.listSeparator"));
  const facts: [string, string][] = [
    [t("review.minutes.meeting"), m.title],
    [t("review.minutes.subtree"), m.unitName],
    duty
      ? [t("dutyReview.newPage.yearLabel"), t("dutyReview.year", { year: m.year! })]
      : [t("review.minutes.quarter"), formatQuarter(m.quarter, locale)],
    [t("review.minutes.heldOn"), m.heldOn ? formatDate(m.heldOn, locale) : t("review.meeting.notHeld")],
    [t("review.minutes.chair"), m.chairName ?? "—"],
    [t("review.minutes.closedAt"), m.closedAt ? formatDateTime(m.closedAt, locale) : "—"],
  ];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3" data-print-hide>
        <Link className="text-sm text-party hover:underline" href={`/review/${id}`}>
          {t("review.backToMeeting")}
        </Link>
        <PrintButton className="ml-auto">{t("review.minutes.print")}</PrintButton>
      </div>
      {m.status !== "closed" ? (
        <div data-print-keep>
          <Notice>{t("review.minutes.draft")}</Notice>
        </div>
      ) : null}
      <article data-print-a4 className="mx-auto max-w-4xl rounded border border-neutral-200 bg-white px-10 py-8 text-neutral-900">
        <h1 className="text-center text-xl font-bold tracking-wide">{duty ? t("dutyReview.minutesTitle") : t("review.minutes.title")}</h1>
        <p className="mt-1 text-center text-sm text-neutral-600">{m.title}</p>
        <dl className="mt-6 grid grid-cols-[6.5rem_1fr_6.5rem_1fr] gap-x-4 gap-y-1.5 text-sm">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-neutral-600">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <section className="mt-5 text-sm" data-keep data-testid="minutes-attendees">
          <h2 className="mb-1 font-semibold">{t("review.minutes.attendees")}</h2>
          <p className="whitespace-pre-line leading-relaxed">{m.attendees || t("review.attendees.none")}</p>
        </section>
        <section className="mt-5 text-sm" data-keep data-testid="minutes-subjects">
          <h2 className="mb-1 font-semibold">{t("review.minutes.subjects")}</h2>
          <p className="leading-relaxed">{m.items.map((i) => i.unitName).join(t("review.listSeparator")) || "—"}</p>
          {m.outOfReach > 0 ? <p className="mt-1 text-xs text-neutral-600">{t("review.outOfReach", { count: m.outOfReach })}</p> : null}
        </section>
        <section className="mt-5">
          <h2 className="mb-1 text-sm font-semibold">{t("review.minutes.items")}</h2>
          <p className="mb-2 text-sm">
            {counts
              ? t("review.minutes.summary", { count: m.items.length, parts: counts })
              : t("review.minutes.summaryBare", { count: m.items.length })}
          </p>
          <Table className="border-collapse" data-testid="minutes-table">
            <THead>
              <TR className="text-left">
                <TH scope="col" className="num w-14 whitespace-nowrap border border-neutral-300 px-2 py-1 font-medium">
                  {t("review.minutes.no")}
                </TH>
                <TH scope="col" className="border border-neutral-300 px-2 py-1 font-medium">
                  {t("review.minutes.unit")}
                </TH>
                <TH scope="col" className="border border-neutral-300 px-2 py-1 font-medium">
                  {duty ? t("dutyReview.agenda.secretary") : t("review.minutes.reasons")}
                </TH>
                <TH scope="col" className="w-24 border border-neutral-300 px-2 py-1 font-medium">
                  {duty ? t("dutyReview.agenda.grade") : t("review.minutes.decision")}
                </TH>
                <TH scope="col" className="border border-neutral-300 px-2 py-1 font-medium">
                  {duty ? t("dutyReview.present.comment") : t("review.minutes.note")}
                </TH>
              </TR>
            </THead>
            <TBody>
              {m.items.map((i, n) => (
                <TR key={i.unitId} data-unit={i.unitId} className="align-top">
                  <TD className="num border border-neutral-300 px-2 py-1">{n + 1}</TD>
                  <TD className="border border-neutral-300 px-2 py-1 font-medium">{i.unitName}</TD>
                  {duty ? (
                    <TD className="border border-neutral-300 px-2 py-1">{i.duty?.secretary?.name ?? t("dutyReview.agenda.noSecretary")}</TD>
                  ) : (
                    <TD className="border border-neutral-300 px-2 py-1 text-xs">
                      <ReasonList reasons={i.reasons} addedByChair={i.addedByChair} />
                    </TD>
                  )}
                  {duty ? (
                    <TD className="border border-neutral-300 px-2 py-1 whitespace-nowrap" data-grade={i.duty?.grade?.proposed ?? ""}>
                      {i.duty?.grade?.proposed ? t(`grades.${i.duty.grade.proposed}`) : t("dutyReview.agenda.ungraded")}
                    </TD>
                  ) : (
                    <TD className="border border-neutral-300 px-2 py-1 whitespace-nowrap" data-decision={i.decision ?? ""}>
                      {i.decision ? t(`review.decisions.${i.decision}`) : t("review.agenda.undecided")}
                      {i.caseId ? (
                        <Link className="block text-xs text-party hover:underline" href={`/cases/${i.caseId}`}>
                          {t("review.agenda.case", { id: i.caseId })}
                        </Link>
                      ) : null}
                    </TD>
                  )}
                  <TD className="border border-neutral-300 px-2 py-1">{i.decisionNote || "—"}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </section>
        <div className="mt-10 grid grid-cols-3 gap-6 text-sm" data-keep>
          <p>{t("review.minutes.signChair")}</p>
          <p>{t("review.minutes.signRecorder")}</p>
          <p>{t("review.minutes.signDate")}</p>
        </div>
      </article>
    </div>
  );
}
