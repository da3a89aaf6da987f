"use client";

import { useEffect, useRef } from "react";

export type SlideKeyHandlers = {
  next: () => void;
  prev: () => void;
  first: () => void;
  last: () => void;
  escape: () => void;
  /** A digit 1–4 (choose a decision). */
  digit: (key: string) => void;
};

/** Typing in a field (the note, the case form) must not turn pages or record decisions. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || !!target.closest("input, textarea, select"));

/**
 * The presentation's keys: ←/→ and PageUp/PageDown turn slides, Home/End jump, 1–4 choose a
 * decision, Esc leaves (or, in a field, just leaves the field). Bound once on the window; the
 * latest handlers are read through a ref.
 */
export function useSlideKeys(handlers: SlideKeyHandlers) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
      // A dialog over the slides (开始审议) has its own keys: Esc closes it, not the presentation.
      if (e.target instanceof Element && e.target.closest("dialog")) return;
      const h = ref.current;
      if (e.key === "Escape") {
        if (isTyping(e.target)) (e.target as HTMLElement).blur();
        else h.escape();
        return;
      }
      if (isTyping(e.target)) return;
      const action: Record<string, () => void> = {
        ArrowRight: h.next,
        PageDown: h.next,
        ArrowLeft: h.prev,
        PageUp: h.prev,
        Home: h.first,
        End: h.last,
      };
      if (action[e.key]) action[e.key]!();
      else if (/^[1-4]$/.test(e.key)) h.digit(e.key);
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
