"use client";

import { useTranslations } from "next-intl";
import { Link } from "~/app/_components/ui/link";
import { cn } from "~/app/_lib/cn";
import { reviewDecisions, type ReviewDecision } from "~/lib/codes";
import { decisionKeys } from "../../tones";
import type { ReviewItem } from "../review";
import type { NoteState } from "./use-note-drafts";

const noteTone: Record<NoteState, string> = {
  saved: "text-green-300",
  unsaved: "text-amber-300",
  saving: "text-neutral-300",
  failed: "text-red-300",
};

/** One choice on the panel: its value, its key (1–4) and its label. */
export type PanelChoice<T extends string> = { value: T; key: string; label: string };

/** The four decisions of a 问责审议会 as panel choices. */
export function useDecisionChoices(): PanelChoice<ReviewDecision>[] {
  const t = useTranslations();
  const keyOf = (d: ReviewDecision) => Object.keys(decisionKeys).find((k) => decisionKeys[k] === d)!;
  return reviewDecisions.map((d) => ({ value: d, key: keyOf(d), label: t(`review.decisions.${d}`) }));
}

/**
 * The choices as buttons (with their keys 1–4: the four decisions of a 问责审议会, the four
 * grades of a 述职评议会), the note (a 述职评议会's 点评), and what has been recorded.
 * `blocked` explains why nothing can be recorded (not started, closed, read-only).
 */
export function DecisionPanel<T extends string>(props: {
  item: ReviewItem;
  choices: PanelChoice<T>[];
  chosen: T | null;
  /** The panel's heading and the note's label (defaults: 审议决定, 决定说明). */
  heading?: string;
  noteLabel?: string;
  note: string;
  onNote: (note: string) => void;
  onNoteBlur: () => void;
  noteState: NoteState;
  noteError: string | null;
  onDecide: (d: T) => void;
  pending: boolean;
  blocked: string | null;
  message: string | null;
  error: string | null;
  children?: React.ReactNode;
  className?: string;
}) {
  const t = useTranslations();
  const { item } = props;
  const disabled = props.blocked !== null || props.pending;
  return (
    <section
      className={cn(
        "flex min-h-0 flex-col gap-2 overflow-y-auto rounded border border-neutral-700 bg-neutral-900 px-4 py-3",
        props.className,
      )}
      aria-label={props.heading ?? t("review.present.decision")}
      data-testid="decision-panel"
    >
      <h3 className="text-sm font-medium tracking-wide text-neutral-400">{props.heading ?? t("review.present.decision")}</h3>
      {/* One button a row where the column is narrow, so 约谈提醒 / Reminder talk never wraps. */}
      <div className="grid grid-cols-1 gap-2 2xl:grid-cols-2">
        {props.choices.map(({ value, key, label }) => {
          const chosen = props.chosen === value;
          return (
            <button
              key={value}
              type="button"
              disabled={disabled}
              aria-pressed={chosen}
              aria-keyshortcuts={key}
              onClick={() => props.onDecide(value)}
              className={cn(
                "flex h-[2.6rem] items-center justify-center gap-2 whitespace-nowrap rounded border text-base font-medium 2xl:h-12 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-400 disabled:cursor-not-allowed disabled:opacity-50",
                chosen ? "border-red-500 bg-party text-white" : "border-neutral-600 bg-neutral-800 text-neutral-100 hover:bg-neutral-700",
              )}
            >
              <kbd className={cn("rounded px-1.5 text-sm", chosen ? "bg-white/20" : "bg-neutral-700 text-neutral-300")}>{key}</kbd>
              {label}
            </button>
          );
        })}
      </div>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor="decision-note" className="text-base text-neutral-300">
          {props.noteLabel ?? t("review.present.note")}
        </label>
        {props.blocked === null ? (
          <span
            className={cn("text-sm", noteTone[props.noteState])}
            data-testid="note-state"
            data-state={props.noteState}
            aria-live="polite"
          >
            {t(`review.present.noteState.${props.noteState}`)}
          </span>
        ) : null}
      </div>
      <textarea
        id="decision-note"
        disabled={props.blocked !== null}
        className="h-[5.5rem] w-full shrink-0 rounded border border-neutral-600 bg-neutral-950 px-2 py-1 text-base text-neutral-100 placeholder:text-neutral-500 focus:border-red-400 focus:outline-none disabled:opacity-50"
        value={props.note}
        onChange={(e) => props.onNote(e.target.value)}
        onBlur={props.onNoteBlur}
      />
      {props.noteError ? (
        <p role="alert" className="text-sm text-red-300">
          {props.noteError}
        </p>
      ) : null}
      {/* The panel scrolls rather than squeezing the note or the case form (1366×768 projectors). */}
      {props.children ? <div className="shrink-0">{props.children}</div> : null}
      <div className="min-h-5 text-base" aria-live="polite">
        {props.error ? (
          <p role="alert" className="text-red-300">
            {props.error}
          </p>
        ) : props.pending ? (
          <p className="text-neutral-400">{t("review.present.saving")}</p>
        ) : props.message ? (
          <p className="text-green-300">{props.message}</p>
        ) : props.blocked ? (
          <p className="text-neutral-400">{props.blocked}</p>
        ) : null}
        {item.caseId ? (
          <Link href={`/cases/${item.caseId}`} className="text-amber-300 underline-offset-2 hover:underline" data-testid="slide-case-link">
            {t("review.present.caseOpened", { id: item.caseId })}
          </Link>
        ) : null}
      </div>
    </section>
  );
}
