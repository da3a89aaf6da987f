"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "~/app/_components/ui/confirm-dialog";
import { useTRPC } from "~/app/_lib/trpc/react";
import type { AdminUnit } from "./unit-select";
import { useFormErrors } from "./use-form-errors";

/** Confirm deactivating or reactivating a unit; the server's refusal (users or child units left) shows here. */
export function UnitStatusDialog({ unit, onClose, onDone }: { unit: AdminUnit; onClose: () => void; onDone: (message: string) => void }) {
  const t = useTranslations("adminUnits");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useFormErrors("adminUnits", "form.hasErrors");
  const deactivate = unit.active;
  const setActive = useMutation(
    trpc.unit.setActive.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.unit.pathFilter());
        onDone(t(deactivate ? "status.deactivated" : "status.activated", { name: unit.name }));
      },
      onError: errors.show,
    }),
  );
  return (
    <ConfirmDialog
      title={t(deactivate ? "status.deactivateTitle" : "status.activateTitle")}
      body={t(deactivate ? "status.deactivateBody" : "status.activateBody", { name: unit.name })}
      closeLabel={t("close")}
      cancelLabel={t("cancel")}
      confirmLabel={t(deactivate ? "status.confirmDeactivate" : "status.confirmActivate")}
      // A field message here (e.g. on `active`) has no input to sit on: show it as the refusal.
      error={errors.summary ? (Object.values(errors.fields)[0] ?? errors.summary) : null}
      pending={setActive.isPending}
      onClose={onClose}
      onConfirm={() => {
        errors.clear();
        setActive.mutate({ id: unit.id, active: !deactivate });
      }}
    />
  );
}
