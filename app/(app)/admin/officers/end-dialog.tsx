"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { TextInput } from "~/app/_components/ui/field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { useTRPC } from "~/app/_lib/trpc/react";
import { useServerErrors } from "~/app/_lib/use-server-errors";
import type { RosterOfficer } from "./types";

/** 离任: the tenure's last day (how a change of secretary is recorded). */
export function EndDialog({
  officer,
  onClose,
  onDone,
}: {
  officer: RosterOfficer;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("officers");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useServerErrors();
  const [to, setTo] = useState("");
  const end = useMutation(
    trpc.officer.end.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.officer.pathFilter());
        onDone(t("endDialog.ended", { name: officer.name, to }));
      },
      onError: errors.show,
    }),
  );
  return (
    <Dialog title={t("endDialog.title", { name: officer.name })} closeLabel={t("form.close")} onClose={onClose}>
      <form
        noValidate
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          errors.clear();
          end.mutate({ id: officer.id, to, version: officer.version });
        }}
      >
        <FormErrors errors={errors.fields} message={errors.problem} />
        <FormField id="officer-end-to" label={t("endDialog.to")} hint={t("endDialog.hint")} error={errors.fields.to}>
          <TextInput
            {...fieldIds("officer-end-to", errors.fields.to)}
            type="date"
            value={to}
            invalid={!!errors.fields.to}
            autoFocus
            onChange={(e) => setTo(e.target.value)}
          />
        </FormField>
        <DialogFormActions
          cancelLabel={t("form.cancel")}
          onCancel={onClose}
          pending={end.isPending}
          pendingLabel={t("form.saving")}
          submitLabel={t("endDialog.submit")}
        />
      </form>
    </Dialog>
  );
}
