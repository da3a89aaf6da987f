"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "~/app/_components/ui/button";
import { Dialog, DialogActions } from "~/app/_components/ui/dialog";
import { Notice } from "~/app/_components/ui/notice";
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
    <Dialog title={t(deactivate ? "status.deactivateTitle" : "status.activateTitle")} closeLabel={t("close")} onClose={onClose}>
      <p className="text-sm text-neutral-700">{t(deactivate ? "status.deactivateBody" : "status.activateBody", vars)}</p>
      {/* Field messages here (e.g. on `active`) have no input to sit on, so they show as the summary. */}
      {errors.summary ? (
        <Notice tone="error" className="mt-3">
          {Object.values(errors.fields)[0] ?? errors.summary}
        </Notice>
      ) : null}
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
            setActive.mutate({ id: user.id, active: !deactivate });
          }}
        >
          {t(deactivate ? "status.confirmDeactivate" : "status.confirmActivate")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
