"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { cn } from "~/app/_lib/cn";
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
import type { ReviewItem } from "../review";
import { formForSubject } from "../../../cases/case-fields";

export type CaseDetails = { subject: CaseSubject; form: CaseForm; category: CategoryCode; rootCause: RootCause; facts: string };

// The box without its height and border colour, so a field sets each once (`cn` does not merge classes).
const controlBox = "w-full rounded border bg-neutral-900 px-2 text-sm text-neutral-100 focus:border-red-400 focus:outline-none";
const control = `${controlBox} h-8 border-neutral-600`;
const border = (invalid: unknown) => (invalid ? "border-red-500 ring-1 ring-red-500" : "border-neutral-600");

/** The category a case most likely belongs to: the unit's weakest category that quarter. */
export function worstCategory(item: ReviewItem): CategoryCode {
  let worst: CategoryCode = "leadership";
  let low = Infinity;
  for (const code of categoryCodes) {
    const score = item.slide.categories[code]?.score;
    if (score !== undefined && score < low) [worst, low] = [code, score];
  }
  return worst;
}

/**
 * The compact 立案 form on a slide: subject, form (only those fitting the subject, as the
 * server checks), category (the weakest one by default), root cause and facts (pre-filled
 * from the reasons the unit is on the agenda).
 */
export function CaseDecisionForm(props: {
  item: ReviewItem;
  facts: string;
  pending: boolean;
  errors: Record<string, string>;
  onSubmit: (details: CaseDetails) => void;
  onCancel: () => void;
}) {
  const t = useTranslations();
  const [subject, setSubject] = useState<CaseSubject>("organisation");
  const [form, setForm] = useState<CaseForm>("notice");
  const [category, setCategory] = useState<CategoryCode>(() => worstCategory(props.item));
  const [rootCause, setRootCause] = useState<RootCause>("misperception");
  const [facts, setFacts] = useState(props.facts);
  // Messages come as `case.form` from input checks and as `form` from the subject rule.
  const err = (k: string) => props.errors[`case.${k}`] ?? props.errors[k];
  const field = (id: string, label: string, k: string, control: React.ReactNode, className?: string) => (
    <div className={className}>
      <label htmlFor={id} className="mb-0.5 block text-sm text-neutral-300">
        {label}
      </label>
      {control}
      {err(k) ? (
        <p id={`${id}-error`} role="alert" className="mt-0.5 text-sm text-red-300">
          {err(k)}
        </p>
      ) : null}
    </div>
  );
  const pickSubject = (s: CaseSubject) => {
    setSubject(s);
    setForm(formForSubject(s, form));
  };
  return (
    <form
      className="grid shrink-0 grid-cols-2 gap-2 rounded border border-red-400/50 bg-neutral-900 p-3"
      aria-label={t("review.present.caseForm")}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit({ subject, form, category, rootCause, facts });
      }}
    >
      <h3 className="col-span-2 text-sm font-semibold text-red-300">{t("review.present.caseForm")}</h3>
      {field(
        "rc-subject",
        t("cases.form.subject"),
        "subject",
        <select id="rc-subject" autoFocus className={control} value={subject} onChange={(e) => pickSubject(e.target.value as CaseSubject)}>
          {caseSubjects.map((s) => (
            <option key={s} value={s}>
              {t(`cases.subjects.${s}`)}
            </option>
          ))}
        </select>,
      )}
      {field(
        "rc-form",
        t("cases.form.form"),
        "form",
        <select
          id="rc-form"
          className={cn(controlBox, "h-8", border(err("form")))}
          value={form}
          onChange={(e) => setForm(e.target.value as CaseForm)}
        >
          {formsBySubject[subject].map((f) => (
            <option key={f} value={f}>
              {t(`cases.forms.${f}`)}
            </option>
          ))}
        </select>,
      )}
      {field(
        "rc-category",
        t("cases.form.category"),
        "category",
        <select id="rc-category" className={control} value={category} onChange={(e) => setCategory(e.target.value as CategoryCode)}>
          {categoryCodes.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </select>,
      )}
      {field(
        "rc-root",
        t("cases.form.rootCause"),
        "rootCause",
        <select id="rc-root" className={control} value={rootCause} onChange={(e) => setRootCause(e.target.value as RootCause)}>
          {rootCauses.map((r) => (
            <option key={r} value={r}>
              {t(`cases.rootCauses.${r}`)}
            </option>
          ))}
        </select>,
      )}
      {field(
        "rc-facts",
        t("cases.form.facts"),
        "facts",
        <textarea
          id="rc-facts"
          aria-invalid={!!err("facts") || undefined}
          className={cn(controlBox, "h-16 py-1", border(err("facts")))}
          value={facts}
          onChange={(e) => setFacts(e.target.value)}
        />,
        "col-span-2",
      )}
      <div className="col-span-2 flex justify-end gap-2">
        <button type="button" className="h-8 rounded border border-neutral-600 px-3 text-sm hover:bg-neutral-800" onClick={props.onCancel}>
          {t("review.present.caseCancel")}
        </button>
        <button
          type="submit"
          disabled={props.pending}
          className="h-8 rounded bg-party px-3 text-sm font-medium text-white hover:bg-party-dark disabled:opacity-60"
        >
          {t("review.present.caseSubmit")}
        </button>
      </div>
    </form>
  );
}
