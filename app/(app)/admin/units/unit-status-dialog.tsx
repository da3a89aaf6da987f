"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "~/app/_lib/trpc/react";
import type { AdminUnit } from "./unit-select";
import { StatusDialog } from "../_shared/status-dialog";
import { useFormErrors } from "../_shared/use-form-errors";

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
    <StatusDialog
      namespace="adminUnits"
      deactivate={deactivate}
      vars={{ name: unit.name }}
      errors={errors}
      pending={setActive.isPending}
      onClose={onClose}
      onConfirm={() => setActive.mutate({ id: unit.id, active: !deactivate })}
    />
  );
}
