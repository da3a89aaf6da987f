"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Notice } from "~/app/_components/ui/notice";
import { Select } from "~/app/_components/ui/select";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import type { RouterInputs } from "~/app/_lib/trpc/types";
import { useServerErrors } from "~/app/_lib/use-server-errors";
import { grades, type Grade } from "~/lib/codes";
import type { GradeRow } from "./grades-client";

/**
 * 确定最终等次: the level above picks a grade; the reason field appears as soon as it differs from
 * the computed one. Quota, vetoes and the reason are checked by the server, its message shown at the field.
 */
export function FinalGradeDialog(props: { year: number; row: GradeRow; onClose: () => void; onSaved: (message: string) => void }) {
  const t = useTranslations("assessmentGrades");
  const tg = useTranslations("grades");
  const { row } = props;
  const [grade, setGrade] = useState<Grade>(row.final ?? row.computed);
  const [reason, setReason] = useState(row.reason ?? "");
  const { fields: errors, problem, show: fail } = useServerErrors();
  const save = useLazyMutation((api, input: RouterInputs["assessment"]["setFinalGrade"]) => api.assessment.setFinalGrade.mutate(input), {
    onSuccess: (r) => props.onSaved(t("dialog.saved", { unit: row.unitName, grade: tg(r.final) })),
    onError: fail,
  });
  const differs = grade !== row.computed;
  const caps = row.breakdown.vetoes.map((v) => v.cap);
  const cap = caps.length ? caps.reduce((a, b) => (grades.indexOf(a) >= grades.indexOf(b) ? a : b)) : null;
  return (
    <Dialog
      title={t("dialog.title")}
      description={t("dialog.description", { unit: row.unitName, computed: tg(row.computed), score: row.score.toFixed(2) })}
      closeLabel={t("dialog.close")}
      onClose={props.onClose}
    >
      <form
        noValidate
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            year: props.year,
            unitId: row.unitId,
            grade,
            reason: differs ? reason : reason || null,
            ...(row.version ? { version: row.version } : {}),
          });
        }}
      >
        {problem ? <Notice tone="error">{problem}</Notice> : null}
        <FormField
          id="final-grade"
          label={t("dialog.grade")}
          hint={cap ? t("dialog.capHint", { cap: tg(cap) }) : undefined}
          error={errors.grade}
        >
          <Select
            {...fieldIds("final-grade", errors.grade)}
            invalid={!!errors.grade}
            value={grade}
            onChange={(e) => setGrade(e.target.value as Grade)}
            autoFocus
          >
            {grades.map((g) => (
              <option key={g} value={g}>
                {tg(g)}
              </option>
            ))}
          </Select>
        </FormField>
        {differs ? (
          <FormField id="final-reason" label={t("dialog.reason")} hint={t("dialog.reasonHint")} error={errors.reason}>
            <textarea
              {...fieldIds("final-reason", errors.reason)}
              aria-invalid={!!errors.reason || undefined}
              className="min-h-20 w-full rounded border border-neutral-300 px-2 py-1 text-sm"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </FormField>
        ) : null}
        <DialogFormActions
          cancelLabel={t("dialog.cancel")}
          onCancel={props.onClose}
          pending={save.isPending}
          pendingLabel={t("dialog.saving")}
          submitLabel={t("dialog.save")}
        />
      </form>
    </Dialog>
  );
}
