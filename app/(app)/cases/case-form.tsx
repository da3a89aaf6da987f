"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { Dialog, DialogActions } from "~/app/_components/ui/dialog";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { CaseClassFields } from "./case-fields";
import { formsBySubject, type CaseForm as Form, type CaseSubject, type CategoryCode, type RootCause } from "~/lib/codes";
import type { CasePrefill } from "./params";
import { SourcePicker, type SourceValue } from "./source-picker";
import { UnitPicker } from "~/app/_components/unit-picker/unit-picker";
import { useServerErrors } from "~/app/_lib/use-server-errors";

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
  const { fields: errors, problem, show: fail, setFields: setErrors } = useServerErrors({ alwaysMessage: true });
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
      onError: fail,
    }),
  );
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
        <CaseClassFields
          idPrefix="case"
          value={{ subject, form, category, rootCause }}
          onChange={(patch) => {
            if (patch.subject) setSubject(patch.subject);
            if (patch.form) setForm(patch.form);
            if (patch.category) setCategory(patch.category);
            if (patch.rootCause) setRootCause(patch.rootCause);
          }}
          errors={errors}
          choose={t("cases.form.choose")}
          formHint={t("cases.form.formHint")}
        />
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
