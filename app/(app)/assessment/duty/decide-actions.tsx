"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { ConfirmDialog } from "~/app/_components/ui/confirm-dialog";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Notice } from "~/app/_components/ui/notice";
import type { RouterInputs } from "~/app/_lib/trpc/types";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import { useServerErrors } from "~/app/_lib/use-server-errors";

type Key = RouterInputs["assessment"]["acceptDutyReport"];

/** 通过 (with a confirmation) and 退回 (with the reason the unit will read) for a submitted duty report. */
export function DecideActions(props: { year: number; unitId: number; unitName: string }) {
  const t = useTranslations("dutyReports");
  const [open, setOpen] = useState<"accept" | "return" | null>(null);
  const [reason, setReason] = useState("");
  const { fields, problem, show, clear } = useServerErrors();
  const key: Key = { year: props.year, unitId: props.unitId };
  // The page is read again after either (the list or the unit's year shows the new status).
  const options = { refresh: true, onSuccess: () => setOpen(null), onError: show };
  const accept = useLazyMutation((api, input: Key) => api.assessment.acceptDutyReport.mutate(input), options);
  const giveBack = useLazyMutation(
    (api, input: RouterInputs["assessment"]["returnDutyReport"]) => api.assessment.returnDutyReport.mutate(input),
    options,
  );
  const close = () => {
    clear();
    setOpen(null);
  };
  return (
    <span className="inline-flex gap-2">
      <Button type="button" variant="secondary" onClick={() => setOpen("return")}>
        {t("return")}
      </Button>
      <Button type="button" onClick={() => setOpen("accept")}>
        {t("accept")}
      </Button>
      {open === "accept" ? (
        <ConfirmDialog
          title={t("acceptTitle")}
          body={t("acceptBody", { unit: props.unitName, year: props.year })}
          closeLabel={t("close")}
          cancelLabel={t("cancel")}
          confirmLabel={t("accept")}
          error={problem ?? accept.error?.message ?? null}
          pending={accept.isPending}
          onConfirm={() => accept.mutate(key)}
          onClose={close}
        />
      ) : null}
      {open === "return" ? (
        <Dialog
          title={t("returnTitle")}
          description={t("returnBody", { unit: props.unitName, year: props.year })}
          closeLabel={t("close")}
          onClose={close}
        >
          <form
            noValidate
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              giveBack.mutate({ ...key, reason });
            }}
          >
            {problem ? <Notice tone="error">{problem}</Notice> : null}
            <FormField id="duty-return-reason" label={t("returnReason")} error={fields.reason}>
              <textarea
                {...fieldIds("duty-return-reason", fields.reason)}
                aria-invalid={!!fields.reason || undefined}
                className="min-h-20 w-full rounded border border-neutral-300 px-2 py-1 text-sm"
                value={reason}
                autoFocus
                onChange={(e) => setReason(e.target.value)}
              />
            </FormField>
            <DialogFormActions
              cancelLabel={t("cancel")}
              onCancel={close}
              pending={giveBack.isPending}
              pendingLabel={t("returning")}
              submitLabel={t("return")}
            />
          </form>
        </Dialog>
      ) : null}
    </span>
  );
}
