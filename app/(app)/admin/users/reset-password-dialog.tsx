"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { Dialog, DialogActions } from "~/app/_components/ui/dialog";
import { TextInput } from "~/app/_components/ui/field";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { useFormErrors } from "../_shared/use-form-errors";
import type { AdminUser } from "./types";

export function ResetPasswordDialog({
  user,
  onClose,
  onDone,
}: {
  user: AdminUser;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("adminUsers");
  const trpc = useTRPC();
  const errors = useFormErrors("adminUsers", "hasErrors");
  const [password, setPassword] = useState("");
  const reset = useMutation(
    trpc.user.resetPassword.mutationOptions({
      onSuccess: () => onDone(t("reset.done", { name: user.displayName })),
      onError: errors.show,
    }),
  );
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    errors.clear();
    reset.mutate({ id: user.id, password });
  };
  return (
    <Dialog title={t("reset.title", { name: user.displayName })} description={user.username} closeLabel={t("close")} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <FormErrors errors={errors.fields} message={errors.summary} />
        <FormField id="reset-password" label={t("reset.password")} hint={t("reset.hint")} error={errors.fields.password}>
          <TextInput
            {...fieldIds("reset-password", errors.fields.password)}
            type="password"
            autoComplete="new-password"
            autoFocus
            value={password}
            invalid={!!errors.fields.password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </FormField>
        <DialogActions>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="submit" disabled={reset.isPending}>
            {t("reset.submit")}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
