"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { Dialog, DialogActions } from "~/app/_components/ui/dialog";
import { inputClass, TextInput } from "~/app/_components/ui/field";
import { Checkbox, fieldIds, FormField } from "~/app/_components/ui/form-field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { Select } from "~/app/_components/ui/select";
import { formatScore } from "~/app/_lib/categories";
import { cn } from "~/app/_lib/cn";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { meetingTypes } from "~/lib/codes";
import { formatQuarter } from "~/lib/quarter";
import { meetingQuality } from "~/lib/scoring/meeting-quality";
import { draftOf, emptyDraft, factsOf, payloadOf, quarterOfDate, type Draft } from "./meeting-draft";
import type { MeetingRow } from "./meeting-table";
import { CopyWarning, useCopyCheck } from "./copy-check";
import { QualityRubric } from "./quality-rubric";
import { UnitPicker } from "~/app/_components/unit-picker/unit-picker";

export type Editing = { mode: "create" } | { mode: "edit" | "view"; meeting: MeetingRow };

/** Records, edits or shows one meeting, with the quality rubric scoring the form as it is typed. */
export function MeetingDialog(props: {
  /** The unit whose meetings the page lists (a meeting saved for another unit is announced as such). */
  pageUnitId: number;
  quarter: string;
  running: string;
  editing: Editing;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const t = useTranslations("meetings");
  const tc = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { editing } = props;
  const readOnly = editing.mode === "view";
  const [draft, setDraft] = useState<Draft>(() =>
    editing.mode === "create" ? emptyDraft(props.quarter, props.running) : draftOf(editing.meeting),
  );
  // The meeting's unit is named, never implied: staff record for their own unit (shown); others choose it.
  const me = useQuery(trpc.me.get.queryOptions());
  const ownUnit = me.data?.role === "staff" ? me.data.unitId : null;
  const [chosenUnit, setChosenUnit] = useState<number | null>(null);
  const unitId = ownUnit ?? chosenUnit;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    // A corrected field loses its old message; the server judges it again on save.
    setErrors(({ [key]: _old, ...rest }) => rest);
  };

  const saved = async (score: number) => {
    // The quarter's report values (三会一课完成率, 质量评分) are recomputed with the meeting.
    await queryClient.invalidateQueries(trpc.meeting.pathFilter());
    await queryClient.invalidateQueries(trpc.report.pathFilter());
    const q = quarterOfDate(draft.date);
    const elsewhere = editing.mode === "create" && unitId !== props.pageUnitId;
    props.onSaved(
      elsewhere
        ? t("form.savedOtherUnit")
        : q === props.quarter
          ? t("form.saved", { score: formatScore(score) })
          : t("form.savedElsewhere", { quarter: formatQuarter(q, locale) }),
    );
  };
  const failed = (err: unknown) => {
    const e = describeError(err);
    setErrors(e.fieldErrors);
    const count = Object.keys(e.fieldErrors).length;
    setProblem(
      e.code === "CONFLICT"
        ? t("form.conflict", { message: e.message })
        : count > 0
          ? t("form.hasErrors", { count })
          : tc("common.error", { message: e.message }),
    );
  };
  const create = useMutation(
    trpc.meeting.create.mutationOptions({ onSuccess: () => saved(meetingQuality(factsOf(draft)).total), onError: failed }),
  );
  const update = useMutation(trpc.meeting.update.mutationOptions({ onSuccess: (r) => saved(r.qualityScore), onError: failed }));
  const busy = create.isPending || update.isPending;
  // The unit whose records the pasted minutes are compared with: the chosen one, or the meeting's own.
  const checkUnit = editing.mode === "create" ? unitId : editing.meeting.unitId;
  const copy = useCopyCheck({
    unitId: checkUnit ?? 0,
    date: draft.date,
    minutes: draft.minutes,
    meetingId: editing.mode === "edit" ? editing.meeting.id : undefined,
    enabled: !readOnly && checkUnit !== null,
  });
  // Minutes that repeat another record are saved only after a second, deliberate click.
  const [confirmedCopy, setConfirmedCopy] = useState<string | null>(null);
  const copyUnconfirmed = copy.match !== null && confirmedCopy !== draft.minutes;
  const [askedFor, setAskedFor] = useState<string | null>(null);
  const askedCopy = askedFor === draft.minutes;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (copyUnconfirmed) {
      if (!askedCopy) {
        setAskedFor(draft.minutes);
        document.getElementById("meeting-minutes")?.focus();
        return;
      }
      setConfirmedCopy(draft.minutes);
    }
    const payload = payloadOf(draft);
    if (editing.mode === "create") create.mutate({ unitId, ...payload });
    else if (editing.mode === "edit") update.mutate({ id: editing.meeting.id, version: editing.meeting.version, ...payload });
  };

  const num = (
    key: "expected" | "present" | "criticalOpinions" | "selfCriticisms" | "mutualCriticisms" | "rectificationItems",
    hint?: string,
  ) => (
    <FormField id={`meeting-${key}`} label={t(`form.${key}`)} hint={hint} error={errors[key]}>
      <TextInput
        {...fieldIds(`meeting-${key}`, errors[key])}
        inputMode="numeric"
        className="text-right"
        value={draft[key]}
        disabled={readOnly}
        invalid={!!errors[key]}
        onChange={(e) => set(key, e.target.value)}
      />
    </FormField>
  );
  const title = editing.mode === "create" ? t("form.createTitle") : editing.mode === "edit" ? t("form.editTitle") : t("form.viewTitle");

  return (
    <Dialog
      title={title}
      description={t("form.description")}
      closeLabel={t("form.close")}
      onClose={props.onClose}
      className="max-h-[calc(100vh-2rem)] w-[60rem] overflow-y-auto"
    >
      <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_15rem]">
        <form onSubmit={submit} noValidate className="space-y-3" aria-label={title}>
          <FormErrors errors={errors} message={problem} />
          {editing.mode === "create" ? (
            <FormField id="meeting-unit" label={t("form.unit")} error={errors.unitId}>
              <UnitPicker
                id="meeting-unit"
                value={unitId}
                readOnly={ownUnit !== null}
                showPath
                invalid={!!errors.unitId}
                describedBy={errors.unitId ? "meeting-unit-error" : undefined}
                onChange={(u) => {
                  setChosenUnit(u.id);
                  setErrors(({ unitId: _old, ...rest }) => rest);
                }}
              />
            </FormField>
          ) : null}
          <div className="grid grid-cols-2 gap-3">
            <FormField id="meeting-type" label={t("form.type")} error={errors.type}>
              <Select
                {...fieldIds("meeting-type", errors.type)}
                value={draft.type}
                disabled={readOnly}
                invalid={!!errors.type}
                onChange={(e) => set("type", e.target.value as Draft["type"])}
              >
                {meetingTypes.map((m) => (
                  <option key={m} value={m}>
                    {t(`types.${m}`)}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField id="meeting-date" label={t("form.date")} error={errors.date}>
              <TextInput
                {...fieldIds("meeting-date", errors.date)}
                type="date"
                value={draft.date}
                disabled={readOnly}
                invalid={!!errors.date}
                onChange={(e) => set("date", e.target.value)}
              />
            </FormField>
          </div>
          <FormField id="meeting-topic" label={t("form.topic")} error={errors.topic}>
            <TextInput
              {...fieldIds("meeting-topic", errors.topic)}
              value={draft.topic}
              maxLength={200}
              disabled={readOnly}
              invalid={!!errors.topic}
              onChange={(e) => set("topic", e.target.value)}
            />
          </FormField>
          <div className="grid grid-cols-3 gap-3">
            {num("expected")}
            {num("present")}
            {num("rectificationItems")}
          </div>
          <div className="grid grid-cols-3 gap-3">
            {num("criticalOpinions", t("form.criticalHint"))}
            {num("selfCriticisms", t("form.optional"))}
            {num("mutualCriticisms", t("form.optional"))}
          </div>
          <Checkbox
            label={t("form.solicitedOpinions")}
            checked={draft.solicitedOpinions}
            disabled={readOnly}
            onChange={(e) => set("solicitedOpinions", e.target.checked)}
          />
          <FormField
            id="meeting-minutes"
            label={t("form.minutes")}
            hint={t("form.minutesHint", { count: draft.minutes.replace(/\s+/g, "").length })}
            error={errors.minutes}
          >
            <textarea
              {...fieldIds("meeting-minutes", errors.minutes)}
              rows={6}
              value={draft.minutes}
              readOnly={readOnly}
              aria-invalid={errors.minutes ? true : undefined}
              className={cn(inputClass, "h-auto py-1.5 leading-relaxed", errors.minutes && "border-red-600 ring-1 ring-red-600")}
              onChange={(e) => set("minutes", e.target.value)}
            />
          </FormField>
          {copy.match ? <CopyWarning match={copy.match} confirming={askedCopy && copyUnconfirmed} /> : null}
          {copy.checking && !copy.match ? (
            <p className="text-xs text-neutral-500" aria-live="polite">
              {tc("forms.copyCheck.checking")}
            </p>
          ) : null}
          <DialogActions>
            <Button type="button" variant="secondary" onClick={props.onClose}>
              {readOnly ? t("form.close") : t("form.cancel")}
            </Button>
            {readOnly ? null : (
              <Button type="submit" disabled={busy}>
                {busy ? t("form.saving") : askedCopy && copyUnconfirmed ? tc("forms.copyCheck.saveAnyway") : t("form.save")}
              </Button>
            )}
          </DialogActions>
        </form>
        <div className="md:sticky md:top-0 md:self-start">
          <QualityRubric facts={factsOf(draft)} />
        </div>
      </div>
    </Dialog>
  );
}
