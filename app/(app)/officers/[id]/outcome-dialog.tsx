"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { TextInput } from "~/app/_components/ui/field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Select } from "~/app/_components/ui/select";
import { useTRPC } from "~/app/_lib/trpc/react";
import { useServerErrors } from "~/app/_lib/use-server-errors";
import { lastFinishedCycleYear } from "~/lib/assessment/years";
import { officerOutcomeKinds, type OfficerOutcomeKind } from "~/lib/codes";

/** An admin records what was decided about the person (提拔 / 表彰 / 调整), the date and the year it rests on. */
export function OutcomeDialog(props: { id: number; name: string; onClose: () => void; onDone: (message: string) => void }) {
  const t = useTranslations("officers");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useServerErrors();
  const [kind, setKind] = useState<OfficerOutcomeKind | "">("");
  const [decidedOn, setDecidedOn] = useState("");
  // 依据年度 opens on the last finished year with a cycle (the grade the decision rests on) until the admin types one.
  const cycles = useQuery(trpc.assessment.cycles.queryOptions());
  const finished = cycles.data ? lastFinishedCycleYear(cycles.data.cycles) : null;
  const [typedYear, setYear] = useState<string | null>(null);
  const year = typedYear ?? (finished === null ? "" : String(finished));
  const [note, setNote] = useState("");
  const add = useMutation(
    trpc.officer.addOutcome.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.officer.record.pathFilter());
        props.onDone(t("outcomeForm.added"));
      },
      onError: errors.show,
    }),
  );
  const err = errors.fields;
  return (
    <Dialog title={t("outcomeForm.title", { name: props.name })} closeLabel={t("outcomeForm.close")} onClose={props.onClose}>
      <form
        noValidate
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          errors.clear();
          // An unchosen kind or an empty year goes as typed; the server names the field.
          add.mutate({ id: props.id, kind: kind as OfficerOutcomeKind, decidedOn, year: year === "" ? Number.NaN : Number(year), note });
        }}
      >
        <FormErrors errors={err} message={errors.problem} />
        <div className="grid grid-cols-3 gap-3">
          <FormField id="outcome-kind" label={t("outcomeForm.kind")} error={err.kind}>
            <Select
              {...fieldIds("outcome-kind", err.kind)}
              value={kind}
              invalid={!!err.kind}
              onChange={(e) => setKind(e.target.value as OfficerOutcomeKind)}
            >
              <option value="">{t("outcomeForm.choose")}</option>
              {officerOutcomeKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`outcomeKinds.${k}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField id="outcome-date" label={t("outcomeForm.decidedOn")} error={err.decidedOn}>
            <TextInput
              {...fieldIds("outcome-date", err.decidedOn)}
              type="date"
              value={decidedOn}
              invalid={!!err.decidedOn}
              onChange={(e) => setDecidedOn(e.target.value)}
            />
          </FormField>
          <FormField id="outcome-year" label={t("outcomeForm.year")} error={err.year}>
            <TextInput
              {...fieldIds("outcome-year", err.year)}
              inputMode="numeric"
              value={year}
              invalid={!!err.year}
              onChange={(e) => setYear(e.target.value.trim())}
            />
          </FormField>
        </div>
        <FormField id="outcome-note" label={t("outcomeForm.note")} error={err.note}>
          <TextInput {...fieldIds("outcome-note", err.note)} value={note} invalid={!!err.note} onChange={(e) => setNote(e.target.value)} />
        </FormField>
        <DialogFormActions
          cancelLabel={t("outcomeForm.cancel")}
          onCancel={props.onClose}
          pending={add.isPending}
          pendingLabel={t("outcomeForm.saving")}
          submitLabel={t("outcomeForm.submit")}
        />
      </form>
    </Dialog>
  );
}
