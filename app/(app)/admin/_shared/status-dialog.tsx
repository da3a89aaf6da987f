"use client";

import { useTranslations } from "next-intl";
import { ConfirmDialog } from "~/app/_components/ui/confirm-dialog";
import type { useFormErrors } from "./use-form-errors";

/**
 * Confirms deactivating or reactivating a unit or an account, with the texts of `namespace`
 * (status.deactivateTitle … status.confirmActivate); the server's refusal shows in the dialog.
 */
export function StatusDialog(props: {
  namespace: "adminUnits" | "adminUsers";
  deactivate: boolean;
  /** The body's parameters (the name, and for an account its username). */
  vars: Record<string, string>;
  errors: ReturnType<typeof useFormErrors>;
  pending: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  // client-messages: adminUnits adminUsers (the caller's namespace)
  const t = useTranslations(props.namespace);
  const { deactivate, errors } = props;
  return (
    <ConfirmDialog
      title={t(deactivate ? "status.deactivateTitle" : "status.activateTitle")}
      body={t(deactivate ? "status.deactivateBody" : "status.activateBody", props.vars)}
      closeLabel={t("close")}
      cancelLabel={t("cancel")}
      confirmLabel={t(deactivate ? "status.confirmDeactivate" : "status.confirmActivate")}
      // A field message here (e.g. on `active`) has no input to sit on: show it as the refusal.
      error={errors.summary ? (Object.values(errors.fields)[0] ?? errors.summary) : null}
      pending={props.pending}
      onClose={props.onClose}
      onConfirm={() => {
        errors.clear();
        props.onConfirm();
      }}
    />
  );
}
