"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { Select } from "~/app/_components/ui/select";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import {
  caseSubjects,
  categoryCodes,
  formsBySubject,
  rootCauses,
  type CaseForm,
  type CaseSubject,
  type CategoryCode,
  type RootCause,
} from "~/lib/codes";

type Editable = {
  id: number;
  version: number;
  subject: CaseSubject;
  form: CaseForm;
  category: CategoryCode;
  rootCause: RootCause;
  facts: string;
};

/** “编辑”: corrects what was recorded at 立案 until the decision (`case.update`, version-checked). */
export function EditCaseDialog({ c, onClose, onSaved }: { c: Editable; onClose: () => void; onSaved: (message: string) => void }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ subject: c.subject, form: c.form, category: c.category, rootCause: c.rootCause, facts: c.facts });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation(
    trpc.case.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.case.pathFilter());
        onSaved(t("caseEdit.saved"));
      },
      onError: (err) => {
        const d = describeError(err);
        setErrors(d.fieldErrors);
        setProblem(Object.keys(d.fieldErrors).length ? null : d.message);
      },
    }),
  );
  const pickSubject = (subject: CaseSubject) =>
    setDraft((d) => ({ ...d, subject, form: formsBySubject[subject].includes(d.form) ? d.form : formsBySubject[subject][0]! }));
  const select = <K extends "category" | "rootCause">(key: K, value: string) => setDraft((d) => ({ ...d, [key]: value }));
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
        <FormField id="edit-subject" label={t("cases.form.subject")} error={errors.subject}>
          <Select
            {...fieldIds("edit-subject", errors.subject)}
            value={draft.subject}
            onChange={(e) => pickSubject(e.target.value as CaseSubject)}
          >
            {caseSubjects.map((s) => (
              <option key={s} value={s}>
                {t(`cases.subjects.${s}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="edit-form" label={t("cases.form.form")} error={errors.form}>
          <Select
            {...fieldIds("edit-form", errors.form)}
            invalid={!!errors.form}
            value={draft.form}
            onChange={(e) => setDraft({ ...draft, form: e.target.value as CaseForm })}
          >
            {formsBySubject[draft.subject].map((f) => (
              <option key={f} value={f}>
                {t(`cases.forms.${f}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="edit-category" label={t("cases.form.category")} error={errors.category}>
          <Select
            {...fieldIds("edit-category", errors.category)}
            value={draft.category}
            onChange={(e) => select("category", e.target.value)}
          >
            {categoryCodes.map((code) => (
              <option key={code} value={code}>
                {t(`categories.${code}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="edit-root" label={t("cases.form.rootCause")} error={errors.rootCause}>
          <Select
            {...fieldIds("edit-root", errors.rootCause)}
            value={draft.rootCause}
            onChange={(e) => select("rootCause", e.target.value)}
          >
            {rootCauses.map((r) => (
              <option key={r} value={r}>
                {t(`cases.rootCauses.${r}`)}
              </option>
            ))}
          </Select>
        </FormField>
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
