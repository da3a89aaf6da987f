"use client";

import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { TextInput } from "~/app/_components/ui/field";
import { Checkbox, fieldIds, FormField } from "~/app/_components/ui/form-field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { Select } from "~/app/_components/ui/select";
import { formatDate } from "~/app/_lib/format-date";
import { useTRPC } from "~/app/_lib/trpc/react";
import { inspectionResults, inspectionSubjects, type InspectionResult, type InspectionSubject } from "~/lib/codes";
import type { InspectionRow } from "./inspection-table";
import { UnitPicker } from "~/app/_components/unit-picker/unit-picker";
import { useServerErrors } from "~/app/_lib/use-server-errors";
import { todayInChina } from "~/lib/beijing-day";

export type Editing = { mode: "create" } | { mode: "edit"; row: InspectionRow };

/** Nothing is chosen for the person: an untouched form names its missing fields and records nothing. */
type Draft = {
  unitId: number | null;
  inspectedOn: string;
  subject: InspectionSubject | "";
  personName: string;
  result: InspectionResult | "";
  findings: string;
  reportedUpward: boolean;
};

/** Today in Beijing as YYYY-MM-DD. */
const today = () => todayInChina();

/** “登记检查” / “修改”: one inspection; the server checks every field and the version. */
export function InspectionDialog(props: { editing: Editing; onClose: () => void; onSaved: (message: string) => void }) {
  const t = useTranslations("inspections");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { editing } = props;
  const [draft, setDraft] = useState<Draft>(() =>
    editing.mode === "edit"
      ? { ...editing.row, personName: editing.row.personName ?? "" }
      : { unitId: null, inspectedOn: today(), subject: "", personName: "", result: "", findings: "", reportedUpward: false },
  );
  const { fields: errors, problem, show: failed, setFields: setErrors } = useServerErrors();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors(({ [key]: _old, ...rest }) => rest);
  };
  const done = (message: string) => async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.inspection.pathFilter()),
      queryClient.invalidateQueries(trpc.case.sourceOptions.pathFilter()),
    ]);
    props.onSaved(message);
  };
  const create = useMutation(trpc.inspection.create.mutationOptions({ onSuccess: done(t("form.created")), onError: failed }));
  const update = useMutation(trpc.inspection.update.mutationOptions({ onSuccess: done(t("form.updated")), onError: failed }));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const { unitId, ...fields } = draft;
    // An unchosen subject or result goes as "", which the server answers on its field.
    const payload = {
      ...fields,
      subject: fields.subject as InspectionSubject,
      result: fields.result as InspectionResult,
      personName: fields.personName.trim() || null,
    };
    if (editing.mode === "edit") update.mutate({ id: editing.row.id, version: editing.row.version, ...payload });
    else create.mutate({ unitId, ...payload });
  };
  const pending = create.isPending || update.isPending;

  return (
    <Dialog
      title={editing.mode === "edit" ? t("form.editTitle") : t("form.createTitle")}
      description={editing.mode === "edit" ? editing.row.unitName : undefined}
      closeLabel={t("form.close")}
      onClose={props.onClose}
      className="w-[40rem]"
    >
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" noValidate>
        <FormErrors errors={errors} message={problem} className="sm:col-span-2" />
        {editing.mode === "create" ? (
          <FormField id="insp-unit" label={t("form.unit")} error={errors.unitId} className="sm:col-span-2">
            <UnitPicker
              id="insp-unit"
              value={draft.unitId}
              onChange={(u) => set("unitId", u.id)}
              invalid={!!errors.unitId}
              describedBy={errors.unitId ? "insp-unit-error" : undefined}
              showPath
            />
          </FormField>
        ) : null}
        <FormField id="insp-date" label={t("form.inspectedOn")} error={errors.inspectedOn}>
          <TextInput
            type="date"
            {...fieldIds("insp-date", errors.inspectedOn)}
            invalid={!!errors.inspectedOn}
            max={today()}
            value={draft.inspectedOn}
            onChange={(e) => set("inspectedOn", e.target.value)}
          />
        </FormField>
        <FormField id="insp-result" label={t("form.result")} error={errors.result}>
          <Select
            {...fieldIds("insp-result", errors.result)}
            invalid={!!errors.result}
            value={draft.result}
            onChange={(e) => set("result", e.target.value as InspectionResult)}
          >
            <option value="">{t("form.choose")}</option>
            {inspectionResults.map((r) => (
              <option key={r} value={r}>
                {t(`results.${r}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="insp-subject" label={t("form.subject")} error={errors.subject}>
          <Select
            {...fieldIds("insp-subject", errors.subject)}
            invalid={!!errors.subject}
            value={draft.subject}
            onChange={(e) => set("subject", e.target.value as InspectionSubject)}
          >
            <option value="">{t("form.choose")}</option>
            {inspectionSubjects.map((s) => (
              <option key={s} value={s}>
                {t(`subjects.${s}`)}
              </option>
            ))}
          </Select>
        </FormField>
        {draft.subject === "secretary" && draft.unitId !== null && /^\d{4}-\d{2}-\d{2}$/.test(draft.inspectedOn) ? (
          <SecretaryOfDay unitId={draft.unitId} date={draft.inspectedOn} />
        ) : null}
        <FormField id="insp-person" label={t("form.personName")} error={errors.personName}>
          <TextInput
            {...fieldIds("insp-person", errors.personName)}
            invalid={!!errors.personName}
            value={draft.personName}
            onChange={(e) => set("personName", e.target.value)}
          />
        </FormField>
        <FormField
          id="insp-findings"
          label={t("form.findings")}
          hint={t("form.findingsHint")}
          error={errors.findings}
          className="sm:col-span-2"
        >
          <textarea
            {...fieldIds("insp-findings", errors.findings)}
            aria-invalid={!!errors.findings || undefined}
            className="min-h-24 w-full rounded border border-neutral-300 px-2 py-1 text-sm"
            value={draft.findings}
            onChange={(e) => set("findings", e.target.value)}
          />
        </FormField>
        <Checkbox
          className="sm:col-span-2"
          label={t("form.reportedUpward")}
          checked={draft.reportedUpward}
          onChange={(e) => set("reportedUpward", e.target.checked)}
        />
        <div className="sm:col-span-2">
          <DialogFormActions
            cancelLabel={t("form.cancel")}
            onCancel={props.onClose}
            pending={pending}
            pendingLabel={t("form.saving")}
            submitLabel={t("form.submit")}
          />
        </div>
      </form>
    </Dialog>
  );
}

/** Who the inspected secretary is on the chosen day (the tenure the inspection will link to), or that the post was vacant. */
function SecretaryOfDay({ unitId, date }: { unitId: number; date: string }) {
  const t = useTranslations("assessmentWalk.inspection");
  const locale = useLocale();
  const trpc = useTRPC();
  const { data } = useQuery(trpc.officer.secretaryOn.queryOptions(unitId && date ? { unitId, date } : skipToken));
  if (!data) return null;
  return (
    <p className="self-end pb-2 text-sm text-neutral-700 sm:col-span-2" role="status" data-testid="inspection-secretary">
      {data.secretary ? t("secretary", { name: data.secretary.name, from: formatDate(data.secretary.from, locale) }) : t("noSecretary")}
    </p>
  );
}
