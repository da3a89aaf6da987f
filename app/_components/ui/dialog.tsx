"use client";

import { useEffect, useId, useRef } from "react";
import { cn } from "~/app/_lib/cn";
import { Button } from "./button";

/**
 * A modal built on the native <dialog>: the browser gives focus trapping, Esc and the backdrop.
 * Mount it when it should show (`{open ? <Dialog …/> : null}`) so its form starts fresh each time.
 */
export function Dialog({
  title,
  description,
  closeLabel,
  onClose,
  children,
  className,
}: {
  title: string;
  description?: React.ReactNode;
  closeLabel: string;
  onClose: () => void;
  children: React.ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    // No close() on cleanup: removing the element ends the modal, and a close() here would
    // fire `close` (→ onClose) after React's development double-mount.
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      // Tailwind's preflight zeroes margins; the native dialog centres itself with `margin: auto`.
      className={cn(
        "ui-dialog m-auto max-w-[calc(100vw-2rem)] rounded border border-neutral-300 bg-white p-0 text-neutral-900 shadow-lg backdrop:bg-neutral-900/40",
        className,
      )}
    >
      <header className="flex items-start justify-between gap-4 border-b border-neutral-200 px-4 py-3">
        <div>
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          {description ? <div className="mt-0.5 text-xs text-neutral-500">{description}</div> : null}
        </div>
        <button
          type="button"
          aria-label={closeLabel}
          onClick={onClose}
          className="-mr-1 rounded px-1.5 text-lg leading-6 text-neutral-500 hover:bg-neutral-100"
        >
          ×
        </button>
      </header>
      <div className="px-4 py-3">{children}</div>
    </dialog>
  );
}

/** The button row at the bottom of a dialog's form. */
export function DialogActions({ children }: { children: React.ReactNode }) {
  return <div className="mt-4 flex justify-end gap-2 border-t border-neutral-100 pt-3">{children}</div>;
}

/** The usual footer of a dialog's form: cancel, and a submit button that shows progress. */
export function DialogFormActions(props: {
  cancelLabel: string;
  onCancel: () => void;
  pending: boolean;
  pendingLabel: string;
  submitLabel: string;
}) {
  return (
    <DialogActions>
      <Button type="button" variant="secondary" onClick={props.onCancel}>
        {props.cancelLabel}
      </Button>
      <Button type="submit" disabled={props.pending}>
        {props.pending ? props.pendingLabel : props.submitLabel}
      </Button>
    </DialogActions>
  );
}
