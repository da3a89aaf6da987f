"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Select } from "~/app/_components/ui/select";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { caseSourceTypes, flagKinds, type CaseSourceType, type FlagKind } from "~/lib/codes";

export type SourceValue = { sourceType: CaseSourceType | ""; sourceId: string; flagKind: FlagKind | "" };

/**
 * The case's source: a type, then one of the unit's records of that type (`case.sourceOptions`,
 * scoped on the server as case.create); for a formalism flag also the flag kind, limited to the
 * kinds the chosen meeting raises. `includeId` keeps a pre-filled record listed even when older.
 */
export function SourcePicker(props: {
  /** The case's unit; until it is chosen there is nothing to pick from. */
  unitId: number | null;
  value: SourceValue;
  onChange: (v: SourceValue) => void;
  errors: Record<string, string>;
  prefill?: { sourceType: CaseSourceType; sourceId: number } | null;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const { sourceType, sourceId, flagKind } = props.value;
  const includeId = props.prefill && props.prefill.sourceType === sourceType ? props.prefill.sourceId : undefined;
  const options = useQuery(
    trpc.case.sourceOptions.queryOptions(
      sourceType && props.unitId ? { unitId: props.unitId, sourceType, ...(includeId ? { includeId } : {}) } : skipToken,
    ),
  );
  const picked = options.data?.find((o) => String(o.id) === sourceId);
  const kinds: readonly FlagKind[] = picked?.flagKinds?.length ? picked.flagKinds : flagKinds;

  const pickType = (type: CaseSourceType | "") => {
    const keep = props.prefill && props.prefill.sourceType === type ? String(props.prefill.sourceId) : "";
    props.onChange({ sourceType: type, sourceId: keep, flagKind: "" });
  };
  const pickRecord = (id: string) => {
    const option = options.data?.find((o) => String(o.id) === id);
    const fits = !option?.flagKinds?.length || (flagKind !== "" && option.flagKinds.includes(flagKind));
    props.onChange({ sourceType, sourceId: id, flagKind: fits ? flagKind : option.flagKinds![0]! });
  };
  const placeholder = !sourceType
    ? t("caseEdit.sourceFirst")
    : !props.unitId
      ? t("caseEdit.sourceUnitFirst")
      : options.isPending
        ? t("caseEdit.sourceLoading")
        : options.data?.length
          ? t("caseEdit.sourcePick")
          : t("caseEdit.sourceEmpty", { type: t(`cases.sourceTypes.${sourceType}`) });
  const recordError = props.errors.sourceId ?? (options.error ? describeError(options.error).message : undefined);

  return (
    <>
      <FormField id="case-source" label={t("cases.form.sourceType")} error={props.errors.sourceType}>
        <Select
          {...fieldIds("case-source", props.errors.sourceType)}
          value={sourceType}
          onChange={(e) => pickType(e.target.value as CaseSourceType | "")}
        >
          <option value="">{t("cases.form.sourceNone")}</option>
          {caseSourceTypes.map((s) => (
            <option key={s} value={s}>
              {t(`cases.sourceTypes.${s}`)}
            </option>
          ))}
        </Select>
      </FormField>
      {sourceType === "flag" ? (
        <FormField id="case-flag" label={t("cases.form.flagKind")} error={props.errors.flagKind}>
          <Select
            {...fieldIds("case-flag", props.errors.flagKind)}
            invalid={!!props.errors.flagKind}
            value={flagKind}
            onChange={(e) => props.onChange({ ...props.value, flagKind: e.target.value as FlagKind | "" })}
          >
            <option value="" />
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`meetings.flags.kinds.${k}`)}
              </option>
            ))}
          </Select>
        </FormField>
      ) : (
        <div className="hidden sm:block" />
      )}
      <FormField
        id="case-source-id"
        label={t("caseEdit.sourceRecord")}
        hint={sourceType ? t("caseEdit.sourceHint") : undefined}
        error={recordError}
        className="sm:col-span-2"
      >
        <Select
          {...fieldIds("case-source-id", recordError)}
          invalid={!!recordError}
          disabled={!sourceType || !props.unitId || options.isPending}
          value={sourceId}
          onChange={(e) => pickRecord(e.target.value)}
        >
          <option value="">{placeholder}</option>
          {(options.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </Select>
      </FormField>
    </>
  );
}
