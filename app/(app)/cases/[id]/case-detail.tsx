import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "~/app/_components/ui/link";
import { Badge } from "~/app/_components/ui/badge";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { Notice } from "~/app/_components/ui/notice";
import { formatDateTime } from "~/app/_lib/format-date";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { formatQuarter } from "~/lib/quarter";
import { casesHref } from "../params";
import { statusTone } from "../tones";
import { CaseNotice, CaseNoticeProvider } from "./case-notice";
import { EditCaseButton } from "./edit-button";
import { ItemsCard } from "./items-card";
import { sourceHref } from "./source-href";
import { TransitionPanel } from "./transition-panel";

/**
 * One case, rendered on the server from `case.get`: facts, source, timeline and items. The
 * handling controls (move, items, edit) are islands that save and read the page again.
 */
export async function CaseDetail({ got }: { got: PageRead<RouterOutputs["case"]["get"]> }) {
  const t = await getTranslations();
  const locale = await getLocale();
  if (!got.ok) return <Notice tone="error">{t("common.error", { message: got.message })}</Notice>;
  const c = got.data;
  const href = sourceHref(c);
  const flagKind = (c.sourceDetail as { flagKind?: string } | null)?.flagKind;
  return (
    <CaseNoticeProvider>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-3 rounded border border-neutral-200 bg-white px-4 py-3">
          <h1 className="text-lg font-semibold">{t("cases.detail.title", { id: c.id })}</h1>
          <Badge tone={statusTone[c.status]}>{t(`cases.statuses.${c.status}`)}</Badge>
          {c.overdueItems > 0 ? (
            <Badge tone="warning">
              {t("cases.overdue")} · {t("cases.columns.overdueCount", { count: c.overdueItems })}
            </Badge>
          ) : null}
          <Link className="ml-auto text-sm text-party hover:underline" href={casesHref({ unitId: c.unitId })}>
            {t("cases.back")}
          </Link>
          {c.canEdit ? (
            <EditCaseButton
              c={{
                id: c.id,
                version: c.version,
                subject: c.subject,
                form: c.form,
                category: c.category,
                rootCause: c.rootCause,
                facts: c.facts,
              }}
            />
          ) : null}
        </div>
        {!c.canWrite ? <Notice>{t("cases.detail.readOnly")}</Notice> : null}
        <CaseNotice />
        <div className="grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <Card>
            <CardHeader title={c.unitName} description={`${t("cases.columns.quarter")} ${formatQuarter(c.quarter, locale)}`} />
            <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 px-4 py-3 text-sm">
              <dt className="text-neutral-500">{t("cases.form.subject")}</dt>
              <dd>
                {t(`cases.subjects.${c.subject}`)}
                {c.officerId && c.secretaryName ? (
                  <Link href={`/officers/${c.officerId}`} className="ml-2 text-party hover:underline" data-testid="case-secretary">
                    {c.secretaryName}
                  </Link>
                ) : null}
              </dd>
              <dt className="text-neutral-500">{t("cases.form.form")}</dt>
              <dd>{t(`cases.forms.${c.form}`)}</dd>
              <dt className="text-neutral-500">{t("cases.form.category")}</dt>
              <dd>{t(`categories.${c.category}`)}</dd>
              <dt className="text-neutral-500">{t("cases.form.rootCause")}</dt>
              <dd>{t(`cases.rootCauses.${c.rootCause}`)}</dd>
              <dt className="text-neutral-500">{t("cases.detail.source")}</dt>
              <dd data-testid="case-source">
                {c.sourceType ? t(`cases.sourceTypes.${c.sourceType}`) : "—"}
                {/* A flag's source id is its meeting's: never shown as if it numbered the flag; the link names what it opens. */}
                {c.sourceId && c.sourceType !== "flag" && c.sourceType !== "report" ? ` #${c.sourceId}` : ""}
                {flagKind ? ` · ${t(`meetings.flags.kinds.${flagKind}`)}` : ""}
                {href && c.sourceType ? (
                  <Link className="ml-2 text-party underline underline-offset-2" href={href}>
                    {t(`caseEdit.sourceOf.${c.sourceType}`)}
                  </Link>
                ) : null}
              </dd>
              <dt className="text-neutral-500">{t("cases.detail.facts")}</dt>
              <dd className="whitespace-pre-wrap">{c.facts}</dd>
            </dl>
          </Card>
          <Card>
            <CardHeader title={t("cases.detail.timeline")} />
            <ol className="divide-y divide-neutral-100 text-sm" data-testid="case-timeline">
              {c.timeline.map((e) => (
                <li key={e.id} className="px-4 py-2">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={statusTone[e.toStatus]}>{t(`cases.statuses.${e.toStatus}`)}</Badge>
                    <span className="text-xs text-neutral-500">
                      {formatDateTime(e.at, locale)} · {e.actorName ?? "—"}
                    </span>
                  </div>
                  {e.comment ? <p className="mt-1">{e.comment}</p> : null}
                </li>
              ))}
            </ol>
            {c.canWrite ? (
              <TransitionPanel c={{ id: c.id, status: c.status, nextStatuses: c.nextStatuses, openItems: c.openItems }} />
            ) : null}
          </Card>
        </div>
        <ItemsCard c={{ id: c.id, status: c.status, canWrite: c.canWrite, items: c.items }} />
      </div>
    </CaseNoticeProvider>
  );
}
