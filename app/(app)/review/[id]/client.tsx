"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "~/app/_components/ui/badge";
import { Button } from "~/app/_components/ui/button";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { ConfirmDialog } from "~/app/_components/ui/confirm-dialog";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { formatQuarter } from "~/lib/quarter";
import { meetingTone } from "../tones";
import { AgendaCard } from "./agenda-card";
import { StartDialog } from "./start-dialog";
import { useReview } from "./use-review";
import { formatDate } from "~/app/_lib/format-date";
import { reviewListHref } from "../params";

const linkBase =
  "inline-flex h-8 items-center rounded px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-party";
const linkButton = `${linkBase} border border-neutral-300 bg-white text-neutral-800 hover:bg-neutral-50`;
const linkPrimary = `${linkBase} bg-party text-white hover:bg-party-dark`;

/** The meeting page: where the presentation's Esc leads back to. */
export function ReviewMeetingClient({ id }: { id: number }) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const got = useReview(id);
  const [closing, setClosing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.review.pathFilter());
  const [starting, setStarting] = useState(false);
  const close = useMutation(
    trpc.review.close.mutationOptions({
      onSuccess: async () => {
        setClosing(false);
        setNotice(t("review.meeting.closed"));
        await refresh();
      },
      onError: (err) => setProblem(describeError(err).message),
    }),
  );
  if (got.error) return <Notice tone="error">{t("common.error", { message: describeError(got.error).message })}</Notice>;
  if (!got.data) return <p className="text-sm text-neutral-500">{t("review.loading")}</p>;
  const m = got.data;
  // A 述职评议会's unit is settled by its grade proposal, a 问责审议会's by its decision.
  const undecided = m.items.filter((i) => (m.kind === "duty_review" ? !i.duty?.grade?.proposed : !i.decision)).length;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 rounded border border-neutral-200 bg-white px-4 py-3">
        <h1 className="text-lg font-semibold">{m.title}</h1>
        <Badge tone={meetingTone[m.status]}>{t(`review.statuses.${m.status}`)}</Badge>
        <span className="ml-auto flex flex-wrap items-center gap-2">
          {m.canWrite && m.status === "planned" ? (
            <Button type="button" onClick={() => (setProblem(null), setStarting(true))}>
              {t("review.meeting.start")}
            </Button>
          ) : null}
          <Link className={m.status === "running" ? linkPrimary : linkButton} href={`/review/${id}/present`}>
            {t("review.meeting.present")}
          </Link>
          {m.canWrite && m.status === "running" ? (
            <Button type="button" variant="secondary" onClick={() => (setProblem(null), setClosing(true))}>
              {t("review.meeting.close")}
            </Button>
          ) : null}
          <Link className={linkButton} href={`/review/${id}/minutes`}>
            {t("review.meeting.minutes")}
          </Link>
          <Link className="text-sm text-party hover:underline" href={reviewListHref(m.unitId)}>
            {t("review.back")}
          </Link>
        </span>
      </div>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {problem && !closing ? <Notice tone="error">{problem}</Notice> : null}
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
      <AgendaCard key={m.version} meeting={m} onSaved={() => setNotice(t("review.agenda.saved"))} />
      {starting ? (
        <StartDialog
          id={id}
          attendees={m.attendees}
          onClose={() => setStarting(false)}
          onStarted={() => router.push(`/review/${id}/present`)}
        />
      ) : null}
      {closing ? (
        <ConfirmDialog
          title={t("review.meeting.closeTitle")}
          body={
            undecided > 0
              ? `${t("review.meeting.undecidedCount", { count: undecided })} ${t("review.meeting.closeBody")}`
              : t("review.meeting.closeBody")
          }
          closeLabel={t("review.meeting.closeLabel")}
          cancelLabel={t("review.meeting.cancel")}
          confirmLabel={t("review.meeting.close")}
          error={problem}
          pending={close.isPending}
          onConfirm={() => close.mutate({ id })}
          onClose={() => setClosing(false)}
        />
      ) : null}
    </div>
  );
}
