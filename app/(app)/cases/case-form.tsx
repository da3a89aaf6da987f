"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { Dialog, DialogActions } from "~/app/_components/ui/dialog";
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
  type CaseForm as Form,
  type CaseSubject,
  type CategoryCode,
  type RootCause,
} from "~/lib/codes";
import type { CasePrefill } from "./params";
import { SourcePicker, type SourceValue } from "./source-picker";
import { UnitPicker } from "~/app/_components/unit-picker/unit-picker";

/**
 * The 立案 form. The unit is always named: chosen in the unit picker when the case is opened from
 * the list, or — opened from a flag, meeting or inspection — that record's unit, shown read-only.
 * The form select offers only what fits the subject; the source is picked among the unit's
 * records (./source-picker.tsx); the server checks both again.
 */
export function CaseForm(props: {
  sourceUnitId: number | null;
  prefill: CasePrefill;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const p = props.prefill;
  const fixedUnit = p ? props.sourceUnitId : null;
  const [unitId, setUnitId] = useState<number | null>(fixedUnit);
  const initialSubject = p?.subject ?? "organisation";
  const [subject, setSubject] = useState<CaseSubject>(initialSubject);
  const [form, setForm] = useState<Form>(formsBySubject[initialSubject].includes("notice") ? "notice" : formsBySubject[initialSubject][0]!);
  // No default category or root cause: the person chooses them (a flag's source suggests its category).
  const [category, setCategory] = useState<CategoryCode | "">(p?.category ?? "");
  const [rootCause, setRootCause] = useState<RootCause | "">("");
  const [facts, setFacts] = useState("");
  const [source, setSource] = useState<SourceValue>({
    sourceType: p?.sourceType ?? "",
    sourceId: p ? String(p.sourceId) : "",
    flagKind: p?.flagKind ?? "",
  });
  const { sourceType, sourceId, flagKind } = source;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation(
    trpc.case.create.mutationOptions({
      onSuccess: async ({ id }) => {
        // The inspections page shows the cases opened from each inspection.
        await Promise.all([
          queryClient.invalidateQueries(trpc.case.pathFilter()),
          queryClient.invalidateQueries(trpc.inspection.pathFilter()),
        ]);
        props.onCreated(id);
      },
      onError: (err) => {
        const d = describeError(err);
        setErrors(d.fieldErrors);
        setProblem(d.message);
      },
    }),
  );
  const pickSubject = (s: CaseSubject) => {
    setSubject(s);
    if (!formsBySubject[s].includes(form)) setForm(formsBySubject[s][0]!);
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate({
      unitId,
      subject,
      form,
      // Empty choices go to the server, which names each missing field (请选择问题类别 …).
      category: category as CategoryCode,
      rootCause: rootCause as RootCause,
      facts,
      ...(sourceType ? { sourceType } : {}),
      ...(sourceType && sourceId ? { sourceId: Number(sourceId) } : {}),
      ...(sourceType === "flag" && flagKind ? { flagKind } : {}),
    });
  };
  return (
    <Dialog title={t("cases.form.title")} closeLabel={t("cases.form.close")} onClose={props.onClose} className="w-[40rem]">
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" noValidate>
        <FormErrors errors={errors} message={problem} className="sm:col-span-2" />
        <FormField
          id="case-unit"
          label={t("cases.form.unit")}
          hint={fixedUnit ? t("cases.form.unitFromSource") : undefined}
          error={errors.unitId}
          className="sm:col-span-2"
        >
          <UnitPicker
            id="case-unit"
            value={unitId}
            readOnly={fixedUnit !== null}
            showPath
            invalid={!!errors.unitId}
            describedBy={errors.unitId ? "case-unit-error" : fixedUnit ? "case-unit-hint" : undefined}
            onChange={(u) => {
              setUnitId(u.id);
              setSource({ sourceType: "", sourceId: "", flagKind: "" });
              setErrors(({ unitId: _u, ...rest }) => rest);
            }}
          />
        </FormField>
        <FormField id="case-subject" label={t("cases.form.subject")} error={errors.subject}>
          <Select
            {...fieldIds("case-subject", errors.subject)}
            value={subject}
            onChange={(e) => pickSubject(e.target.value as CaseSubject)}
          >
            {caseSubjects.map((s) => (
              <option key={s} value={s}>
                {t(`cases.subjects.${s}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="case-form" label={t("cases.form.form")} error={errors.form}>
          <Select
            {...fieldIds("case-form", errors.form)}
            invalid={!!errors.form}
            value={form}
            onChange={(e) => setForm(e.target.value as Form)}
          >
            {formsBySubject[subject].map((f) => (
              <option key={f} value={f}>
                {t(`cases.forms.${f}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <p className="text-xs text-neutral-500 sm:col-span-2">{t("cases.form.formHint")}</p>
        <FormField id="case-category" label={t("cases.form.category")} error={errors.category}>
          <Select
            {...fieldIds("case-category", errors.category)}
            value={category}
            onChange={(e) => setCategory(e.target.value as CategoryCode)}
          >
            <option value="" disabled>
              {t("cases.form.choose")}
            </option>
            {categoryCodes.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="case-root" label={t("cases.form.rootCause")} error={errors.rootCause}>
          <Select
            {...fieldIds("case-root", errors.rootCause)}
            value={rootCause}
            onChange={(e) => setRootCause(e.target.value as RootCause)}
          >
            <option value="" disabled>
              {t("cases.form.choose")}
            </option>
            {rootCauses.map((r) => (
              <option key={r} value={r}>
                {t(`cases.rootCauses.${r}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="case-facts" label={t("cases.form.facts")} error={errors.facts} className="sm:col-span-2">
          <textarea
            {...fieldIds("case-facts", errors.facts)}
            aria-invalid={!!errors.facts || undefined}
            className="min-h-24 w-full rounded border border-neutral-300 px-2 py-1 text-sm"
            value={facts}
            onChange={(e) => setFacts(e.target.value)}
          />
        </FormField>
        <SourcePicker unitId={unitId} value={source} onChange={setSource} errors={errors} prefill={p} />
        <div className="sm:col-span-2">
          <DialogActions>
            <Button type="button" variant="secondary" onClick={props.onClose}>
              {t("cases.form.cancel")}
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {t("cases.form.submit")}
            </Button>
          </DialogActions>
        </div>
      </form>
    </Dialog>
  );
}
