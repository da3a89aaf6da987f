"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Button } from "~/app/_components/ui/button";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Notice } from "~/app/_components/ui/notice";
import { formatDate, formatDateTime } from "~/app/_lib/format-date";
import { ConfirmDialog } from "~/app/_components/ui/confirm-dialog";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterInputs } from "~/app/_lib/trpc/types";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import { useServerErrors } from "~/app/_lib/use-server-errors";
import { dutyReportRules } from "~/lib/assessment/duty-report";
import { CopiedNotice, DutyReportStatusLine, DutyReportView } from "./duty-report-view";
import type { UnitYear } from "./types";
import { YearSelect } from "./year-select";

type Answer = { done: boolean | null; evidence: string };

/** The unit's duty report of `year`: the editor while it may change, read-only otherwise. */
export function DutyEditor(props: { year: number; unitYear: PageRead<UnitYear>; onYear: (year: number) => void }) {
  const t = useTranslations("dutyReports");
  if (!props.unitYear.ok)
    return (
      <p role="alert" className="text-sm text-red-800">
        {props.unitYear.message}
      </p>
    );
  const data = props.unitYear.data;
  return (
    <Card>
      <CardHeader
        title={t("editorTitle", { unit: data.unit.name, year: data.year })}
        description={data.secretary ? t("secretary", { name: data.secretary.name }) : t("noSecretary")}
        actions={<YearSelect year={props.year} years={data.years} onChange={props.onYear} />}
      />
      <div className="space-y-4 px-4 py-3">
        <DutyReportStatusLine data={data} />
        {!data.cycle ? <Notice>{t("noCycle", { year: data.year })}</Notice> : null}
        {data.dutyReport?.status === "returned" ? (
          <Notice tone="error">
            <span data-testid="duty-report-return-reason">{t("returnedBecause", { reason: data.dutyReport.returnReason ?? "—" })}</span>
          </Notice>
        ) : null}
        {data.dutyReport ? <CopiedNotice report={data.dutyReport} /> : null}
        {data.can.writeDutyReport ? <EditorForm data={data} /> : <DutyReportView data={data} />}
      </div>
    </Card>
  );
}

/** The form, its state started from the saved report (mounted once the report is loaded). */
function EditorForm({ data }: { data: UnitYear }) {
  const t = useTranslations("dutyReports");
  const locale = useLocale();
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const key = { year: data.year, unitId: data.unit.id };
  const [text, setText] = useState(data.dutyReport?.text ?? "");
  const [answers, setAnswers] = useState<Record<number, Answer>>(() =>
    Object.fromEntries(data.lastYearItems.map((i) => [i.id, { done: i.answer?.done ?? null, evidence: i.answer?.evidence ?? "" }])),
  );
  const [version, setVersion] = useState(data.dutyReport?.version ?? 0);
  const [dirty, setDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(data.dutyReport ? new Date(data.dutyReport.updatedAt) : null);
  const [submitted, setSubmitted] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { fields, problem, show, clear } = useServerErrors();
  // The order the answers were sent in, to place a field message ("answers.1.evidence") on its item.
  const sent = useRef<number[]>([]);

  // The page is read again after a save or a submission (the status line, the to-do count).
  const refresh = () => startTransition(() => router.refresh());
  const save = useLazyMutation((api, input: RouterInputs["assessment"]["saveDutyReport"]) => api.assessment.saveDutyReport.mutate(input));
  const submit = useLazyMutation((api, input: RouterInputs["assessment"]["submitDutyReport"]) =>
    api.assessment.submitDutyReport.mutate(input),
  );
  const pending = save.isPending || submit.isPending || refreshing;

  const doSave = async () => {
    const chosen = data.lastYearItems.filter((i) => answers[i.id]?.done != null);
    sent.current = chosen.map((i) => i.id);
    const res = await save.mutateAsync({
      ...key,
      text,
      version,
      answers: chosen.map((i) => ({ itemId: i.id, done: answers[i.id]!.done!, evidence: answers[i.id]!.evidence })),
    });
    setVersion(res.version);
    setDirty(false);
    setSavedAt(new Date());
    return res.version;
  };
  const onSave = async () => {
    clear();
    try {
      await doSave();
      refresh();
    } catch (e) {
      show(e);
    }
  };
  const onSubmit = async () => {
    setConfirming(false);
    clear();
    try {
      const v = dirty || version === 0 ? await doSave() : version;
      const res = await submit.mutateAsync({ ...key, version: v });
      setVersion(res.version);
      setSubmitted(true);
      refresh();
    } catch (e) {
      show(e);
      refresh();
    }
  };

  // Server messages about one answer ("answers.0.evidence") go under that item's field.
  const answerError = (itemId: number, field: "done" | "evidence") => {
    const i = sent.current.indexOf(itemId);
    return i >= 0 ? (fields[`answers.${i}.${field}`] ?? fields[`answers.${i}.itemId`]) : undefined;
  };
  const edit = (fn: () => void) => {
    fn();
    setDirty(true);
  };
  const chars = text.trim().length;

  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        setConfirming(true);
      }}
    >
      <FormErrors errors={fields} message={problem} />
      {confirming ? (
        <ConfirmDialog
          title={t("submitTitle")}
          body={t("submitBody")}
          closeLabel={t("close")}
          cancelLabel={t("cancel")}
          confirmLabel={t("confirmSubmit")}
          error={null}
          pending={pending}
          onConfirm={() => void onSubmit()}
          onClose={() => setConfirming(false)}
        />
      ) : null}
      {submitted ? <Notice tone="success">{t("submittedNotice")}</Notice> : null}

      <section className="space-y-3" aria-labelledby="duty-items-heading">
        <div>
          <h3 id="duty-items-heading" className="text-sm font-semibold">
            {t("itemsHeading", { year: data.year - 1 })}
          </h3>
          <p className="text-xs text-neutral-500">{t("itemsHint")}</p>
        </div>
        {fields.answers ? (
          <p id="duty-answers-error" className="text-sm text-red-800">
            {fields.answers}
          </p>
        ) : null}
        {data.lastYearItems.length === 0 ? <p className="text-sm text-neutral-500">{t("noItems", { year: data.year - 1 })}</p> : null}
        <ol className="space-y-3">
          {data.lastYearItems.map((item, n) => {
            const a = answers[item.id] ?? { done: null, evidence: "" };
            const evidenceId = `answer-${item.id}-evidence`;
            const evidenceError = answerError(item.id, "evidence");
            return (
              <li key={item.id} className="rounded border border-neutral-200 px-3 py-2" data-testid="duty-item">
                <fieldset className="space-y-2">
                  <legend className="text-sm font-medium">{t("itemLabel", { n: n + 1, content: item.content })}</legend>
                  {item.doneAt ? (
                    <p className="text-xs text-green-800">
                      {item.doneEvidence
                        ? t("markedDoneWith", { date: formatDate(item.doneAt, locale), evidence: item.doneEvidence })
                        : t("markedDoneOn", { date: formatDate(item.doneAt, locale) })}
                    </p>
                  ) : null}
                  <div className="flex gap-4 text-sm">
                    {([true, false] as const).map((done) => (
                      <label key={String(done)} className="inline-flex items-center gap-1.5">
                        <input
                          type="radio"
                          name={`answer-${item.id}`}
                          className="accent-party"
                          checked={a.done === done}
                          onChange={() => edit(() => setAnswers({ ...answers, [item.id]: { ...a, done } }))}
                        />
                        {t(done ? "done" : "notDone")}
                      </label>
                    ))}
                  </div>
                  <FormField
                    id={evidenceId}
                    label={t("evidence")}
                    hint={t(a.done === false ? "evidenceHintNotDone" : "evidenceHint")}
                    error={evidenceError}
                  >
                    <textarea
                      {...fieldIds(evidenceId, evidenceError)}
                      aria-invalid={!!evidenceError || undefined}
                      className="min-h-14 w-full rounded border border-neutral-300 px-2 py-1 text-sm"
                      value={a.evidence}
                      maxLength={dutyReportRules.evidenceChars}
                      onChange={(e) => edit(() => setAnswers({ ...answers, [item.id]: { ...a, evidence: e.target.value } }))}
                    />
                  </FormField>
                </fieldset>
              </li>
            );
          })}
        </ol>
      </section>

      <FormField id="duty-text" label={t("bodyHeading")} hint={t("bodyHint", { min: dutyReportRules.minChars, chars })} error={fields.text}>
        <textarea
          {...fieldIds("duty-text", fields.text)}
          aria-invalid={!!fields.text || undefined}
          className="min-h-64 w-full rounded border border-neutral-300 px-2 py-1 text-sm leading-relaxed"
          value={text}
          maxLength={dutyReportRules.maxChars}
          onChange={(e) => edit(() => setText(e.target.value))}
        />
      </FormField>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" disabled={pending} onClick={() => void onSave()}>
          {save.isPending ? t("saving") : t("save")}
        </Button>
        <Button type="submit" disabled={pending}>
          {submit.isPending ? t("submitting") : t("submit")}
        </Button>
        <span className="text-sm text-neutral-600" role="status" data-testid="duty-save-state">
          {dirty ? t("unsaved") : savedAt ? t("savedAt", { when: formatDateTime(savedAt, locale) }) : ""}
        </span>
      </div>
    </form>
  );
}
