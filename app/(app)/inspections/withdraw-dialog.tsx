"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Notice } from "~/app/_components/ui/notice";
import { useTRPC } from "~/app/_lib/trpc/react";
import type { InspectionRow } from "./inspection-table";
import { useServerErrors } from "~/app/_lib/use-server-errors";

/**
 * 撤回 a mistaken inspection: says what it removes and asks why; the server refuses once a case
 * has been opened from it, or if someone changed it meanwhile (the message shows here).
 */
export function WithdrawDialog(props: { row: InspectionRow; onClose: () => void; onDone: (message: string) => void }) {
  const t = useTranslations("inspections");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const { fields: errors, problem, show: fail } = useServerErrors();
  const withdraw = useMutation(
    trpc.inspection.withdraw.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries(trpc.inspection.pathFilter()),
          queryClient.invalidateQueries(trpc.case.sourceOptions.pathFilter()),
        ]);
        props.onDone(t("withdraw.done"));
      },
      onError: fail,
    }),
  );
  const { row } = props;
  return (
    <Dialog
      title={t("withdraw.title")}
      description={`${row.unitName} · ${row.inspectedOn} · ${t(`subjects.${row.subject}`)} · ${t(`results.${row.result}`)}`}
      closeLabel={t("form.close")}
      onClose={props.onClose}
    >
      <form
        noValidate
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          withdraw.mutate({ id: row.id, version: row.version, reason });
        }}
      >
        <p className="text-sm text-neutral-700">{t("withdraw.body")}</p>
        {problem ? <Notice tone="error">{problem}</Notice> : null}
        <FormField id="withdraw-reason" label={t("withdraw.reason")} hint={t("withdraw.reasonHint")} error={errors.reason}>
          <textarea
            {...fieldIds("withdraw-reason", errors.reason)}
            aria-invalid={!!errors.reason || undefined}
            className="min-h-20 w-full rounded border border-neutral-300 px-2 py-1 text-sm"
            value={reason}
            autoFocus
            onChange={(e) => setReason(e.target.value)}
          />
        </FormField>
        <DialogFormActions
          cancelLabel={t("form.cancel")}
          onCancel={props.onClose}
          pending={withdraw.isPending}
          pendingLabel={t("withdraw.pending")}
          submitLabel={t("withdraw.confirm")}
        />
      </form>
    </Dialog>
  );
}
