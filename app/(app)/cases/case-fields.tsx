"use client";

import { useTranslations } from "next-intl";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Select } from "~/app/_components/ui/select";
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

export type CaseClass = { subject: CaseSubject; form: CaseForm; category: CategoryCode | ""; rootCause: RootCause | "" };

/** The form kept when the subject changes, if that subject allows it; else the subject's first form. */
export const formForSubject = (subject: CaseSubject, form: CaseForm): CaseForm =>
  formsBySubject[subject].includes(form) ? form : formsBySubject[subject][0]!;

/**
 * How a case is classified, as 立案 records it and 编辑 corrects it: subject, form (only what fits
 * the subject), category and root cause. `choose` adds a disabled empty first option to the last two
 * (the person must choose); `formHint` is the line under the subject and form.
 */
export function CaseClassFields<V extends CaseClass>(props: {
  idPrefix: string;
  value: V;
  onChange: (patch: Partial<V>) => void;
  errors: Record<string, string>;
  choose?: string;
  formHint?: string;
}) {
  const t = useTranslations();
  const { idPrefix: p, value, errors } = props;
  const empty = props.choose ? (
    <option value="" disabled>
      {props.choose}
    </option>
  ) : null;
  return (
    <>
      <FormField id={`${p}-subject`} label={t("cases.form.subject")} error={errors.subject}>
        <Select
          {...fieldIds(`${p}-subject`, errors.subject)}
          value={value.subject}
          onChange={(e) => {
            const subject = e.target.value as CaseSubject;
            props.onChange({ subject, form: formForSubject(subject, value.form) } as Partial<V>);
          }}
        >
          {caseSubjects.map((s) => (
            <option key={s} value={s}>
              {t(`cases.subjects.${s}`)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField id={`${p}-form`} label={t("cases.form.form")} error={errors.form}>
        <Select
          {...fieldIds(`${p}-form`, errors.form)}
          invalid={!!errors.form}
          value={value.form}
          onChange={(e) => props.onChange({ form: e.target.value as CaseForm } as Partial<V>)}
        >
          {formsBySubject[value.subject].map((f) => (
            <option key={f} value={f}>
              {t(`cases.forms.${f}`)}
            </option>
          ))}
        </Select>
      </FormField>
      {props.formHint ? <p className="text-xs text-neutral-500 sm:col-span-2">{props.formHint}</p> : null}
      <FormField id={`${p}-category`} label={t("cases.form.category")} error={errors.category}>
        <Select
          {...fieldIds(`${p}-category`, errors.category)}
          value={value.category}
          onChange={(e) => props.onChange({ category: e.target.value as CategoryCode } as Partial<V>)}
        >
          {empty}
          {categoryCodes.map((code) => (
            <option key={code} value={code}>
              {t(`categories.${code}`)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField id={`${p}-root`} label={t("cases.form.rootCause")} error={errors.rootCause}>
        <Select
          {...fieldIds(`${p}-root`, errors.rootCause)}
          value={value.rootCause}
          onChange={(e) => props.onChange({ rootCause: e.target.value as RootCause } as Partial<V>)}
        >
          {empty}
          {rootCauses.map((r) => (
            <option key={r} value={r}>
              {t(`cases.rootCauses.${r}`)}
            </option>
          ))}
        </Select>
      </FormField>
    </>
  );
}
