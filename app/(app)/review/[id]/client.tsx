"use client";

import { useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "~/app/_components/ui/badge";
import { Button } from "~/app/_components/ui/button";
import { ConfirmDialog } from "~/app/_components/ui/confirm-dialog";
import { Notice } from "~/app/_components/ui/notice";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import { meetingTone } from "../tones";
import { reviewListHref } from "../params";
import { AgendaCard } from "./agenda-card";
import { undecidedCount, type Review } from "./review";
import { LazyStartDialog } from "./start-dialog-lazy";

const linkBase =
  "inline-flex h-8 items-center rounded px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-party";
const linkButton = `${linkBase} border border-neutral-300 bg-white text-neutral-800 hover:bg-neutral-50`;
const linkPrimary = `${linkBase} bg-party text-white hover:bg-party-dark`;

/**
 * The meeting page's controls, from the meeting read on the server: start, present, close, the
 * agenda to edit. `children`: the meeting's facts (server-rendered). After closing or saving the
 * agenda the page is read again; starting opens the presentation.
 */
export function ReviewMeetingClient({ meeting: m, children }: { meeting: Review; children: React.ReactNode }) {
  const t = useTranslations();
  const router = useRouter();
  const [closing, setClosing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const close = useLazyMutation((api, id: number) => api.review.close.mutate({ id }), {
    refresh: true,
    onSuccess: () => {
      setClosing(false);
      setNotice(t("review.meeting.closed"));
    },
    onError: (err) => setProblem(err.message),
  });
  const undecided = undecidedCount(m);

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
          <Link className={m.status === "running" ? linkPrimary : linkButton} href={`/review/${m.id}/present`}>
            {t("review.meeting.present")}
          </Link>
          {m.canWrite && m.status === "running" ? (
            <Button type="button" variant="secondary" onClick={() => (setProblem(null), setClosing(true))}>
              {t("review.meeting.close")}
            </Button>
          ) : null}
          <Link className={linkButton} href={`/review/${m.id}/minutes`}>
            {t("review.meeting.minutes")}
          </Link>
          <Link className="text-sm text-party hover:underline" href={reviewListHref(m.unitId)}>
            {t("review.back")}
          </Link>
        </span>
      </div>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {problem && !closing ? <Notice tone="error">{problem}</Notice> : null}
      {children}
      <AgendaCard key={m.version} meeting={m} onSaved={() => setNotice(t("review.agenda.saved"))} />
      {starting ? (
        <LazyStartDialog
          id={m.id}
          attendees={m.attendees}
          onClose={() => setStarting(false)}
          onStarted={() => router.push(`/review/${m.id}/present`)}
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
          onConfirm={() => close.mutate(m.id)}
          onClose={() => setClosing(false)}
        />
      ) : null}
    </div>
  );
}
