"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type AutosaveState = "saved" | "dirty" | "saving" | "invalid" | "conflict" | "error";

/**
 * Saves a draft a moment after the person stops typing (on a phone, leaving the page is easy):
 * only what the server would accept (`valid`), always with the version last seen, so a newer
 * version saved by someone else is never overwritten — the save answers CONFLICT and autosave
 * stops until the page is reloaded. `snapshot` is the form's content as the server receives it.
 */
export function useAutosave<P>(opts: {
  snapshot: P;
  enabled: boolean;
  valid: boolean;
  delayMs?: number;
  save: (snapshot: P) => Promise<void>;
  /** False while a manual save runs: the two would race for the same version. */
  canSave?: () => boolean;
  isConflict: (err: unknown) => boolean;
  onError: (err: unknown) => void;
}) {
  const key = JSON.stringify(opts.snapshot);
  const savedKey = useRef(key);
  const [state, setState] = useState<AutosaveState>("saved");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const inFlight = useRef(false);
  const stopped = useRef(false);
  const latest = useRef(opts);
  latest.current = opts;

  /** The content a manual save has just stored: nothing left to autosave. */
  const markSaved = useCallback((snapshot: P) => {
    savedKey.current = JSON.stringify(snapshot);
    stopped.current = false;
    setSavedAt(new Date());
    setState(JSON.stringify(latest.current.snapshot) === savedKey.current ? "saved" : "dirty");
  }, []);

  const dirty = key !== savedKey.current;

  useEffect(() => {
    if (stopped.current) return;
    if (!dirty) {
      if (!inFlight.current) setState("saved");
      return;
    }
    if (!opts.valid) {
      setState("invalid");
      return;
    }
    setState(inFlight.current ? "saving" : "dirty");
    if (!opts.enabled) return;
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the callback catches its own errors
    const timer = setTimeout(async () => {
      if (inFlight.current || stopped.current || latest.current.canSave?.() === false) return;
      const snapshot = latest.current.snapshot;
      const sending = JSON.stringify(snapshot);
      inFlight.current = true;
      setState("saving");
      try {
        await latest.current.save(snapshot);
        savedKey.current = sending;
        setSavedAt(new Date());
        setState(JSON.stringify(latest.current.snapshot) === sending ? "saved" : "dirty");
      } catch (err) {
        if (latest.current.isConflict(err)) {
          stopped.current = true;
          setState("conflict");
        } else setState("error");
        latest.current.onError(err);
      } finally {
        inFlight.current = false;
      }
    }, opts.delayMs ?? 1500);
    return () => clearTimeout(timer);
    // A new key (content), a change of validity or of permission restarts the wait.
  }, [key, dirty, opts.valid, opts.enabled, opts.delayMs]);

  // Leaving with changes not yet stored asks first (the browser's own prompt).
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  return { state: dirty && state === "saved" ? "dirty" : state, savedAt, markSaved };
}
