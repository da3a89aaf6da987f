"use client";

import { useRefresh } from "~/app/_lib/use-refresh";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import { grades, type Grade, type ReviewDecision } from "~/lib/codes";
import { formatQuarter } from "~/lib/quarter";
import { useReasonText } from "../../reason-text";
import { decisionKeys, gradeKeys } from "../../tones";
import type { Review } from "../review";
import { CaseDecisionForm, type CaseDetails } from "./case-decision-form";
import { DecisionPanel, useDecisionChoices } from "./decision-panel";
import { DutySlideBody } from "./duty-slide";
import { SlideReasons, SlideScores, SlideTitle, SlideTrend } from "./slide";
import { useNoteDrafts } from "./use-note-drafts";
import { useSlideKeys } from "./use-slide-keys";
import { LazyStartDialog } from "../start-dialog-lazy";

// What is sent for one unit (the router's inputs type its ids as unknown: they are coerced).
type DecideInput = { id: number; unitId: number; decision: ReviewDecision; note: string; case?: CaseDetails };
type ProposeInput = { id: number; unitId: number; grade: Grade };

const barButton =
  "h-8 rounded border border-neutral-700 px-3 text-sm text-neutral-200 hover:bg-neutral-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-400 disabled:opacity-40";

/**
 * The presentation: a dark full-screen layer over the app, one slide per agenda unit — for a
 * 述职评议会 one per secretary, where 1–4 propose a grade and the note is the comment (点评).
 * The meeting is read on the server; after a decision, a grade or starting, the page is read again.
 */
export function PresentClient({ id, got }: { id: number; got: PageRead<Review> }) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const { refresh } = useRefresh();
  const reasonText = useReasonText();
  const decisionChoices = useDecisionChoices();
  const gradeChoices = grades.map((g) => ({
    value: g,
    key: Object.keys(gradeKeys).find((k) => gradeKeys[k] === g)!,
    label: t(`grades.${g}`),
  }));
  const stage = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState(0);
  const notes = useNoteDrafts(id);
  const [starting, setStarting] = useState(false);
  const [caseFormFor, setCaseFormFor] = useState<number | null>(null);
  const [feedback, setFeedback] = useState<{
    unitId: number;
    message: string | null;
    error: string | null;
    fieldErrors: Record<string, string>;
  } | null>(null);
  const [fullscreen, setFullscreen] = useState(false);
  const [canFullscreen, setCanFullscreen] = useState(false);

  useEffect(() => {
    // Projector type: the whole layer is sized in rem, so the root size follows the screen width
    // (20 px at 1280–1536 wide, 25 px at 1920): body text is never under 20 px and the slide fills the screen.
    const html = document.documentElement;
    const before = html.style.fontSize;
    html.style.fontSize = "clamp(20px, 1.3vw, 28px)";
    return () => {
      html.style.fontSize = before;
    };
  }, []);

  useEffect(() => {
    setCanFullscreen(document.fullscreenEnabled === true);
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  const decide = useLazyMutation((api, input: DecideInput) => api.review.decide.mutate(input), {
    refresh: true,
    onSuccess: (r, vars) => {
      notes.markSaved(r.unitId, vars.note ?? "");
      setCaseFormFor(null);
      setFeedback({
        unitId: r.unitId,
        message: t("review.present.decided", { decision: t(`review.decisions.${r.decision}`) }),
        error: null,
        fieldErrors: {},
      });
    },
    onError: (err, { unitId }) => {
      notes.markFailed(unitId);
      setFeedback({ unitId, message: null, error: err.message, fieldErrors: err.fieldErrors });
    },
  });

  const propose = useLazyMutation((api, input: ProposeInput) => api.review.proposeGrade.mutate(input), {
    refresh: true,
    onSuccess: (r) =>
      setFeedback({
        unitId: r.unitId,
        message: t("dutyReview.present.proposed", { grade: t(`grades.${r.grade}`) }),
        error: null,
        fieldErrors: {},
      }),
    onError: (err, { unitId }) => setFeedback({ unitId, message: null, error: err.message, fieldErrors: {} }),
  });

  const m = got.ok ? got.data : undefined;
  const duty = m?.kind === "duty_review";
  const items = m?.items ?? [];
  const total = items.length;
  const at = Math.min(index, Math.max(0, total - 1));
  const item = items[at];
  const blocked = !m
    ? null
    : !m.canWrite
      ? t("review.present.readOnly")
      : m.status === "planned"
        ? t("review.present.notStarted")
        : m.status === "closed"
          ? t("review.present.closedNote")
          : null;
  // A 述职评议会's note is the comment (点评): one written before the meeting shows until the chair types.
  const note = item ? (notes.drafts[item.unitId] ?? (item.decisionNote || item.duty?.comment || "")) : "";

  const go = (i: number) => {
    void notes.flush(); // the note of the slide being left is saved now, not after the pause
    setIndex(Math.max(0, Math.min(total - 1, i)));
    setCaseFormFor(null);
  };
  const leave = async () => {
    // Nothing typed is lost: leave only once every note is saved (a failure stays on screen).
    if (!(await notes.flush())) return;
    if (document.fullscreenElement) void document.exitFullscreen();
    router.push(`/review/${id}`);
  };
  const record = (d: ReviewDecision) => {
    if (!item || blocked || decide.isPending) return;
    // A case needs its details first — unless this unit's case is already open (then only the note changes).
    if (d === "case" && !item.caseId) {
      setFeedback(null);
      setCaseFormFor(item.unitId);
      return;
    }
    const unitId = item.unitId;
    void notes.markSent(unitId).then(() => decide.mutate({ id, unitId, decision: d, note }));
  };
  const proposeGrade = (grade: Grade) => {
    if (!item || blocked || propose.isPending) return;
    propose.mutate({ id, unitId: item.unitId, grade });
  };
  const openCase = (details: CaseDetails) => {
    if (!item) return;
    const unitId = item.unitId;
    void notes.markSent(unitId).then(() => decide.mutate({ id, unitId, decision: "case", note, case: details }));
  };

  useSlideKeys({
    next: () => go(at + 1),
    prev: () => go(at - 1),
    first: () => go(0),
    last: () => go(total - 1),
    escape: () => (caseFormFor !== null ? setCaseFormFor(null) : void leave()),
    digit: (key) => {
      if (duty) {
        const g = gradeKeys[key];
        if (g) proposeGrade(g);
        return;
      }
      const d = decisionKeys[key];
      if (d) record(d);
    },
  });

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void stage.current?.requestFullscreen?.().catch(() => undefined);
  };

  const fb = feedback && item && feedback.unitId === item.unitId ? feedback : null;
  return (
    <div ref={stage} className="fixed inset-0 z-50 flex flex-col bg-neutral-950 text-neutral-100" data-testid="presentation">
      <header className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-neutral-800 px-6 py-2">
        <span aria-hidden className="inline-block h-4 w-1 bg-party" />
        <h1 className="font-semibold">{m?.title ?? t("review.loading")}</h1>
        {m ? (
          <span className="text-sm text-neutral-400">{`${m.unitName} · ${m.kind === "duty_review" && m.year !== null ? t("dutyReview.year", { year: m.year }) : formatQuarter(m.quarter, locale)} · ${t(`review.statuses.${m.status}`)}`}</span>
        ) : null}
        <span className="num ml-auto text-lg font-semibold tabular-nums" data-testid="slide-counter" aria-live="polite">
          {total > 0 ? t("review.present.counter", { current: at + 1, total }) : ""}
        </span>
        {m?.canWrite && m.status === "planned" ? (
          <button
            type="button"
            className={`${barButton} border-red-500 bg-party text-white hover:bg-party-dark`}
            onClick={() => setStarting(true)}
          >
            {t("review.meeting.start")}
          </button>
        ) : null}
        {canFullscreen ? (
          <button type="button" className={barButton} onClick={toggleFullscreen}>
            {fullscreen ? t("review.present.exitFullscreen") : t("review.present.fullscreen")}
          </button>
        ) : null}
        <button type="button" className={barButton} onClick={() => void leave()}>
          {t("review.present.leave")} <kbd className="ml-1 text-xs text-neutral-400">Esc</kbd>
        </button>
      </header>

      {/* Not a <main>: the app layout's <main> already holds this layer. */}
      <div className="flex min-h-0 flex-1 flex-col overflow-y-auto px-6 py-3">
        {!got.ok ? (
          <p role="alert" className="text-red-300">
            {t("common.error", { message: got.message })}
          </p>
        ) : !m ? null : !item ? (
          <p className="text-neutral-400">{t("review.present.empty")}</p>
        ) : (
          <article
            key={item.unitId}
            aria-roledescription="slide"
            aria-label={item.unitName}
            data-unit={item.unitId}
            className="flex flex-col gap-2 lg:min-h-0 lg:flex-1"
          >
            {duty && item.duty && m.year !== null ? (
              <DutySlideBody
                item={item}
                duty={item.duty}
                position={at + 1}
                year={m.year}
                panel={
                  <DecisionPanel
                    item={item}
                    heading={t("dutyReview.present.grade")}
                    noteLabel={t("dutyReview.present.comment")}
                    choices={gradeChoices}
                    chosen={item.duty.grade?.proposed ?? null}
                    note={note}
                    onNote={(v) => notes.edit(item.unitId, v)}
                    onNoteBlur={() => void notes.flush()}
                    noteState={notes.states[item.unitId] ?? "saved"}
                    noteError={notes.states[item.unitId] === "failed" ? notes.failure : null}
                    onDecide={proposeGrade}
                    pending={propose.isPending}
                    blocked={blocked}
                    message={fb?.message ?? null}
                    error={fb?.error ?? null}
                  />
                }
              />
            ) : (
              <>
                <SlideTitle item={item} position={at + 1} />
                {/* Reasons across the top, scores and flags | trend and cases below, the decision on the right. */}
                <div className="grid gap-3 lg:min-h-0 lg:flex-1 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_17rem] lg:grid-rows-[auto_minmax(0,1fr)] 2xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_20rem]">
                  <SlideReasons item={item} className="lg:col-span-2 lg:max-h-[16rem]" />
                  <SlideScores item={item} quarter={m.quarter} />
                  <SlideTrend item={item} />
                  <DecisionPanel
                    className="lg:col-start-3 lg:row-span-2 lg:row-start-1"
                    item={item}
                    choices={decisionChoices}
                    chosen={item.decision}
                    note={note}
                    onNote={(v) => notes.edit(item.unitId, v)}
                    onNoteBlur={() => void notes.flush()}
                    noteState={notes.states[item.unitId] ?? "saved"}
                    noteError={notes.states[item.unitId] === "failed" ? notes.failure : null}
                    onDecide={record}
                    pending={decide.isPending}
                    blocked={blocked}
                    message={fb?.message ?? null}
                    error={caseFormFor === null ? (fb?.error ?? null) : null}
                  >
                    {caseFormFor === item.unitId ? (
                      <CaseDecisionForm
                        item={item}
                        facts={item.reasons.map(reasonText).join("；")}
                        pending={decide.isPending}
                        errors={fb?.fieldErrors ?? {}}
                        onSubmit={openCase}
                        onCancel={() => setCaseFormFor(null)}
                      />
                    ) : null}
                  </DecisionPanel>
                </div>
              </>
            )}
          </article>
        )}
      </div>

      {starting && m ? (
        <LazyStartDialog
          id={id}
          attendees={m.attendees}
          onClose={() => setStarting(false)}
          onStarted={() => {
            setStarting(false);
            refresh();
          }}
        />
      ) : null}
      <footer className="flex items-center gap-3 border-t border-neutral-800 px-6 py-2">
        <button type="button" className={barButton} disabled={at <= 0} onClick={() => go(at - 1)}>
          ← {t("review.present.prev")}
        </button>
        <button type="button" className={barButton} disabled={at >= total - 1} onClick={() => go(at + 1)}>
          {t("review.present.next")} →
        </button>
        <span className="ml-auto text-sm text-neutral-400">{duty ? t("dutyReview.present.keys") : t("review.present.keys")}</span>
      </footer>
    </div>
  );
}
