"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "~/app/_components/ui/button";
import { Dialog, DialogActions } from "~/app/_components/ui/dialog";
import { Notice } from "~/app/_components/ui/notice";
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
    <Dialog title={t(deactivate ? "status.deactivateTitle" : "status.activateTitle")} closeLabel={t("close")} onClose={onClose}>
      <p className="text-sm text-neutral-700">{t(deactivate ? "status.deactivateBody" : "status.activateBody", { name: unit.name })}</p>
      {errors.summary ? <Notice tone="error" className="mt-3">{errors.summary}</Notice> : null}
      <DialogActions>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t("cancel")}
        </Button>
        <Button
          type="button"
          autoFocus
          disabled={setActive.isPending}
          onClick={() => {
            errors.clear();
            setActive.mutate({ id: unit.id, active: !deactivate });
          }}
        >
          {t(deactivate ? "status.confirmDeactivate" : "status.confirmActivate")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
