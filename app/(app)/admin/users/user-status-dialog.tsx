"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "~/app/_components/ui/confirm-dialog";
import { useTRPC } from "~/app/_lib/trpc/react";
import { useFormErrors } from "../units/use-form-errors";
import type { AdminUser } from "./client";

/** Confirm deactivating or reactivating an account; refusals from the server show here. */
export function UserStatusDialog({ user, onClose, onDone }: { user: AdminUser; onClose: () => void; onDone: (message: string) => void }) {
  const t = useTranslations("adminUsers");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useFormErrors("adminUsers", "hasErrors");
  const deactivate = user.active;
  const setActive = useMutation(
    trpc.user.setActive.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.user.pathFilter());
        await queryClient.invalidateQueries(trpc.unit.adminList.queryFilter());
        onDone(t(deactivate ? "status.deactivated" : "status.activated", { name: user.displayName }));
      },
      onError: errors.show,
    }),
  );
  const vars = { name: user.displayName, username: user.username };
  return (
    <ConfirmDialog
      title={t(deactivate ? "status.deactivateTitle" : "status.activateTitle")}
      body={t(deactivate ? "status.deactivateBody" : "status.activateBody", vars)}
      closeLabel={t("close")}
      cancelLabel={t("cancel")}
      confirmLabel={t(deactivate ? "status.confirmDeactivate" : "status.confirmActivate")}
      // A field message here (e.g. on `active`) has no input to sit on: show it as the refusal.
      error={errors.summary ? (Object.values(errors.fields)[0] ?? errors.summary) : null}
      pending={setActive.isPending}
      onClose={onClose}
      onConfirm={() => {
        errors.clear();
        setActive.mutate({ id: user.id, active: !deactivate });
      }}
    />
  );
}
