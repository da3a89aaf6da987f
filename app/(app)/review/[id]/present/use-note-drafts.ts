"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { RouterInputs } from "~/app/_lib/trpc/types";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";

export type NoteState = "saved" | "unsaved" | "saving" | "failed";

/** Quiet time after the last keystroke before a note is saved. */
const DEBOUNCE_MS = 700;

/**
 * The decision notes typed during the meeting, saved whatever the order of decision key and
 * typing: each edit is saved after a short pause (`review.saveNote`), and pending edits are
 * saved at once on `flush` (slide change, Esc, leaving) and when the page goes away. A note sent
 * with a decision counts as saved through `markSent`/`markSaved`. The page is not read again for
 * a note: the typed text stays the one shown.
 */
export function useNoteDrafts(meetingId: number) {
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [states, setStates] = useState<Record<number, NoteState>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const draftsRef = useRef(drafts);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const pending = useRef(new Set<number>()); // typed, not yet handed to the server
  const inflight = useRef(new Map<number, Promise<void>>()); // handed over, not yet answered
  const save = useLazyMutation((api, input: RouterInputs["review"]["saveNote"]) => api.review.saveNote.mutate(input));
  const saveRef = useRef(save.mutateAsync);
  saveRef.current = save.mutateAsync;

  const setState = (unitId: number, s: NoteState) => setStates((m) => (m[unitId] === s ? m : { ...m, [unitId]: s }));

  const markSaved = useCallback((unitId: number, sent: string) => {
    // Typed on while it was saving: it stays unsaved and its timer sends the rest.
    setStates((m) => ({
      ...m,
      [unitId]: draftsRef.current[unitId] === undefined || draftsRef.current[unitId] === sent ? "saved" : "unsaved",
    }));
  }, []);

  const send = useCallback(
    async (unitId: number) => {
      const t = timers.current.get(unitId);
      if (t) clearTimeout(t);
      timers.current.delete(unitId);
      if (!pending.current.has(unitId)) return true;
      pending.current.delete(unitId);
      const note = draftsRef.current[unitId] ?? "";
      setState(unitId, "saving");
      // One write of a unit's note at a time, in typing order: wait for the one in flight.
      const before = inflight.current.get(unitId);
      const request = (async () => {
        await before;
        return saveRef.current({ id: meetingId, unitId, note });
      })();
      inflight.current.set(
        unitId,
        request.then(
          () => undefined,
          () => undefined,
        ),
      );
      try {
        await request;
        markSaved(unitId, note);
        setFailure(null);
        return true;
      } catch (err) {
        pending.current.add(unitId); // kept for the next try
        setState(unitId, "failed");
        setFailure(err instanceof Error ? err.message : String(err));
        return false;
      }
    },
    [meetingId, markSaved],
  );

  const edit = useCallback(
    (unitId: number, note: string) => {
      draftsRef.current = { ...draftsRef.current, [unitId]: note };
      setDrafts(draftsRef.current);
      pending.current.add(unitId);
      setState(unitId, "unsaved");
      const t = timers.current.get(unitId);
      if (t) clearTimeout(t);
      timers.current.set(
        unitId,
        setTimeout(() => void send(unitId), DEBOUNCE_MS),
      );
    },
    [send],
  );

  /** Saves every pending note now and waits for those in flight; resolves false when one could not be saved. */
  const flush = useCallback(async () => {
    const results = await Promise.all([...pending.current].map((u) => send(u)));
    await Promise.all(inflight.current.values());
    return results.every(Boolean) && pending.current.size === 0;
  }, [send]);

  /**
   * The note goes with a decision: no separate save for it. Resolves once an earlier save of
   * the same note has been answered, so the decision's note is the last one written.
   */
  const markSent = useCallback(async (unitId: number) => {
    const t = timers.current.get(unitId);
    if (t) clearTimeout(t);
    timers.current.delete(unitId);
    if (pending.current.delete(unitId)) setState(unitId, "saving");
    await inflight.current.get(unitId);
  }, []);
  const markFailed = useCallback((unitId: number) => {
    if (draftsRef.current[unitId] !== undefined) {
      pending.current.add(unitId);
      setState(unitId, "failed");
    }
  }, []);

  // Leaving the page (reload, closing the tab, typing an address): send what is pending and
  // ask the browser to confirm; leaving within the app (unmount) sends it too.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (pending.current.size === 0) return;
      void flush();
      e.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    const live = timers.current;
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      void flush();
      live.forEach(clearTimeout);
    };
  }, [flush]);

  return { drafts, states, failure, edit, flush, markSent, markSaved, markFailed };
}
