"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import type { CaseForm, CaseSubject, CategoryCode, RootCause } from "~/lib/codes";
import { CaseClassFields } from "../case-fields";
import { useServerErrors } from "~/app/_lib/use-server-errors";

export type Editable = {
  id: number;
  version: number;
  subject: CaseSubject;
  form: CaseForm;
  category: CategoryCode;
  rootCause: RootCause;
  facts: string;
};

/** “编辑”: corrects what was recorded at 立案 until the decision (`case.update`, version-checked). Loaded on first opening (edit-button.tsx). */
export function EditCaseDialog({ c, onClose, onSaved }: { c: Editable; onClose: () => void; onSaved: (message: string) => void }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [draft, setDraft] = useState({ subject: c.subject, form: c.form, category: c.category, rootCause: c.rootCause, facts: c.facts });
  const { fields: errors, problem, show: fail } = useServerErrors();
  const save = useMutation(
    trpc.case.update.mutationOptions({
      // The page reads itself again (onSaved).
      onSuccess: () => onSaved(t("caseEdit.saved")),
      onError: fail,
    }),
  );
  return (
    <Dialog
      title={t("caseEdit.editTitle")}
      description={t("caseEdit.editHint")}
      closeLabel={t("caseEdit.close")}
      onClose={onClose}
      className="w-[40rem]"
    >
      <form
        className="grid gap-3 sm:grid-cols-2"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ id: c.id, version: c.version, ...draft });
        }}
      >
        <FormErrors errors={errors} message={problem} className="sm:col-span-2" />
        <CaseClassFields idPrefix="edit" value={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} errors={errors} />
        <FormField id="edit-facts" label={t("cases.form.facts")} error={errors.facts} className="sm:col-span-2">
          <textarea
            {...fieldIds("edit-facts", errors.facts)}
            aria-invalid={!!errors.facts || undefined}
            className="min-h-28 w-full rounded border border-neutral-300 px-2 py-1 text-sm"
            value={draft.facts}
            onChange={(e) => setDraft({ ...draft, facts: e.target.value })}
          />
        </FormField>
        <div className="sm:col-span-2">
          <DialogFormActions
            cancelLabel={t("caseEdit.cancel")}
            onCancel={onClose}
            pending={save.isPending}
            pendingLabel={t("caseEdit.saving")}
            submitLabel={t("caseEdit.save")}
          />
        </div>
      </form>
    </Dialog>
  );
}
