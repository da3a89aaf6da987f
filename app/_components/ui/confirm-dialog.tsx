"use client";

import { Button } from "./button";
import { Dialog, DialogActions } from "./dialog";
import { Notice } from "./notice";

/** A yes/no question about one action; the server's refusal, if any, shows inside. */
export function ConfirmDialog(props: {
  title: string;
  body: string;
  closeLabel: string;
  cancelLabel: string;
  confirmLabel: string;
  error: string | null;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog title={props.title} closeLabel={props.closeLabel} onClose={props.onClose}>
      <p className="text-sm text-neutral-700">{props.body}</p>
      {props.error ? (
        <Notice tone="error" className="mt-3">
          {props.error}
        </Notice>
      ) : null}
      <DialogActions>
        <Button type="button" variant="secondary" onClick={props.onClose}>
          {props.cancelLabel}
        </Button>
        <Button type="button" autoFocus disabled={props.pending} onClick={props.onConfirm}>
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
