"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "~/app/_lib/trpc/react";
import { StatusDialog } from "../_shared/status-dialog";
import { useFormErrors } from "../_shared/use-form-errors";
import type { AdminUser } from "./types";

/** Confirm deactivating or reactivating an account; refusals from the server show here. */
export function UserStatusDialog({ user, onClose, onDone }: { user: AdminUser; onClose: () => void; onDone: (message: string) => void }) {
  const t = useTranslations("adminUsers");
  const trpc = useTRPC();
  const errors = useFormErrors("adminUsers", "hasErrors");
  const deactivate = user.active;
  const setActive = useMutation(
    trpc.user.setActive.mutationOptions({
      // The page reads itself again after onDone.
      onSuccess: () => onDone(t(deactivate ? "status.deactivated" : "status.activated", { name: user.displayName })),
      onError: errors.show,
    }),
  );
  const vars = { name: user.displayName, username: user.username };
  return (
    <StatusDialog
      namespace="adminUsers"
      deactivate={deactivate}
      vars={vars}
      errors={errors}
      pending={setActive.isPending}
      onClose={onClose}
      onConfirm={() => setActive.mutate({ id: user.id, active: !deactivate })}
    />
  );
}
