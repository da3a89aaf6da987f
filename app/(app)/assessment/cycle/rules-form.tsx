"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { TextInput } from "~/app/_components/ui/field";
import { Checkbox, fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Notice } from "~/app/_components/ui/notice";
import { Select } from "~/app/_components/ui/select";
import type { RouterInputs, RouterOutputs } from "~/app/_lib/trpc/types";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import { useServerErrors } from "~/app/_lib/use-server-errors";
import { grades, vetoCodes, type Grade, type VetoCode } from "~/lib/codes";

type Cycles = RouterOutputs["assessment"]["cycles"];
type Cycle = Cycles["cycles"][number];
type Rules = Cycles["defaults"];
type SaveCycleInput = RouterInputs["assessment"]["saveCycle"];

/** A fraction as the percent typed in the form, and back (blank and junk pass through for the server to name). */
const pct = (x: number | null | undefined) => (x == null ? "" : String(Math.round(x * 1000) / 10));
const fraction = (s: string) => (s.trim() === "" ? Number.NaN : Number(s) / 100);
const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

/** The rules of a year: quotas, weights, thresholds, veto switches with caps, deadline and publicity dates. */
export function RulesForm(props: { year: number; cycle: Cycle | null; defaults: Rules; onSaved: (message: string) => void }) {
  const t = useTranslations("assessmentCycle");
  const tg = useTranslations("assessmentGrades");
  const tGrade = useTranslations("grades");
  const rules: Rules = props.cycle?.rules ?? { ...props.defaults, dutyReportDeadline: `${props.year + 1}-01-20` };
  const editable = !props.cycle || props.cycle.status === "open" || props.cycle.status === "rating";
  const [f, setF] = useState({
    good: pct(rules.quotas.good),
    fairlyGood: pct(rules.quotas.fairlyGood),
    quarterly: pct(rules.weights.quarterly),
    appraisal: pct(rules.weights.appraisal),
    inspections: pct(rules.weights.inspections),
    partyWeight: pct(props.cycle?.partyWeight ?? 0.3),
    tGood: String(rules.thresholds.good),
    tFairlyGood: String(rules.thresholds.fairlyGood),
    tAverage: String(rules.thresholds.average),
    dutyReportDeadline: rules.dutyReportDeadline,
    publicityFrom: rules.publicityFrom ?? "",
    publicityTo: rules.publicityTo ?? "",
  });
  const [vetoes, setVetoes] = useState<Record<VetoCode, Grade | null>>(
    Object.fromEntries(vetoCodes.map((c) => [c, rules.vetoes.find((v) => v.code === c)?.cap ?? null])) as Record<VetoCode, Grade | null>,
  );
  const { fields: errors, problem, show: fail } = useServerErrors();
  // onSaved reads the page again; the form is keyed by the cycle's version, so it then shows what was saved.
  const save = useLazyMutation((api, input: SaveCycleInput) => api.assessment.saveCycle.mutate(input), {
    onSuccess: () => props.onSaved(t("form.saved", { year: props.year })),
    onError: fail,
  });
  const field = (name: keyof typeof f, label: string, error?: string, type = "number") => (
    <FormField id={`cycle-${name}`} label={label} error={error}>
      <TextInput
        {...fieldIds(`cycle-${name}`, error)}
        type={type}
        inputMode={type === "number" ? "decimal" : undefined}
        invalid={!!error}
        disabled={!editable}
        value={f[name]}
        onChange={(e) => setF((s) => ({ ...s, [name]: e.target.value }))}
      />
    </FormField>
  );
  return (
    <form
      noValidate
      className="space-y-4 rounded border border-neutral-200 bg-white px-4 py-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          year: props.year,
          ...(props.cycle ? { version: props.cycle.version } : {}),
          quotas: { good: fraction(f.good), fairlyGood: f.fairlyGood.trim() === "" ? null : fraction(f.fairlyGood) },
          weights: { quarterly: fraction(f.quarterly), appraisal: fraction(f.appraisal), inspections: fraction(f.inspections) },
          partyWeight: fraction(f.partyWeight),
          thresholds: { good: num(f.tGood), fairlyGood: num(f.tFairlyGood), average: num(f.tAverage) },
          vetoes: vetoCodes.flatMap((code) => (vetoes[code] ? [{ code, cap: vetoes[code] }] : [])),
          dutyReportDeadline: f.dutyReportDeadline,
          publicityFrom: f.publicityFrom || null,
          publicityTo: f.publicityTo || null,
        });
      }}
    >
      {!editable && props.cycle ? <Notice>{t("readOnly", { year: props.year, status: t(`steps.${props.cycle.status}`) })}</Notice> : null}
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 font-medium">{t("form.quotas")}</legend>
        {field("good", t("form.good"), errors["quotas.good"])}
        {field("fairlyGood", t("form.fairlyGood"), errors["quotas.fairlyGood"])}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 font-medium">{t("form.weights")}</legend>
        {field("quarterly", t("form.quarterly"), errors["weights.quarterly"] ?? errors.weights)}
        {field("appraisal", t("form.appraisal"), errors["weights.appraisal"])}
        {field("inspections", t("form.inspections"), errors["weights.inspections"])}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">{field("partyWeight", t("form.partyWeight"), errors.partyWeight)}</div>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 font-medium">{t("form.thresholds")}</legend>
        {field("tGood", t("form.tGood"), errors["thresholds.good"] ?? errors.thresholds)}
        {field("tFairlyGood", t("form.tFairlyGood"), errors["thresholds.fairlyGood"])}
        {field("tAverage", t("form.tAverage"), errors["thresholds.average"])}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="mb-1 font-medium">{t("form.vetoes")}</legend>
        {errors.vetoes ? <p className="text-xs text-red-700">{errors.vetoes}</p> : null}
        {vetoCodes.map((code) => (
          <div key={code} className="flex flex-wrap items-center gap-3">
            <Checkbox
              label={tg(`vetoes.${code}`)}
              className="w-56"
              checked={vetoes[code] !== null}
              disabled={!editable}
              onChange={(e) =>
                setVetoes((v) => ({
                  ...v,
                  [code]: e.target.checked ? (props.defaults.vetoes.find((d) => d.code === code)?.cap ?? "average") : null,
                }))
              }
            />
            {vetoes[code] ? (
              <Select
                aria-label={`${tg(`vetoes.${code}`)} · ${t("form.vetoes")}`}
                className="w-40"
                disabled={!editable}
                value={vetoes[code]}
                onChange={(e) => setVetoes((v) => ({ ...v, [code]: e.target.value as Grade }))}
              >
                {grades.map((g) => (
                  <option key={g} value={g}>
                    {tGrade(g)}
                  </option>
                ))}
              </Select>
            ) : null}
          </div>
        ))}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 font-medium">{t("form.dates")}</legend>
        {field("dutyReportDeadline", t("form.dutyReportDeadline"), errors.dutyReportDeadline, "date")}
        {field("publicityFrom", t("form.publicityFrom"), errors.publicityFrom, "date")}
        {field("publicityTo", t("form.publicityTo"), errors.publicityTo, "date")}
      </fieldset>
      {editable ? (
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t("form.saving") : props.cycle ? t("form.save") : t("form.open", { year: props.year })}
        </Button>
      ) : null}
    </form>
  );
}
