"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { Checkbox, FormField, fieldIds } from "~/app/_components/ui/form-field";
import { Notice } from "~/app/_components/ui/notice";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { Select } from "~/app/_components/ui/select";
import { useTRPC } from "~/app/_lib/trpc/react";
import { toNumber, useQuarterLabel, type Catalogue, type CatalogueIndicator } from "./use-catalogue";
import { useCatalogueForm } from "./use-catalogue-form";
import { QuarterField } from "./quarter-field";
import { DecimalField } from "./decimal-field";

/** Changes an indicator's scoring rules from a chosen quarter on (a new version, or the pending one). */
export function RulesDialog({
  catalogue,
  indicator,
  onClose,
  onDone,
}: {
  catalogue: Catalogue;
  indicator: CatalogueIndicator;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const t = useTranslations("adminCatalogue");
  const en = !useLocale().startsWith("zh");
  const quarterLabel = useQuarterLabel();
  const trpc = useTRPC();
  const form = useCatalogueForm();
  const current = indicator.current ?? indicator.history[indicator.history.length - 1];
  const [validFrom, setValidFrom] = useState(catalogue.defaultValidFrom);
  const [direction, setDirection] = useState(current?.direction ?? "higher");
  const [target, setTarget] = useState(String(current?.target ?? (indicator.kind === "boolean" ? 1 : "")));
  const [weight, setWeight] = useState(String(current?.weight ?? 1));
  const [required, setRequired] = useState(current?.required ?? false);
  const save = useMutation(
    trpc.catalogue.setRules.mutationOptions({
      onSuccess: async (res) => {
        await form.refresh();
        onDone(res.changed ? t("saved") : t("unchanged"));
      },
      onError: form.onError,
    }),
  );
  const name = en ? indicator.nameEn : indicator.nameZh;
  const pending = indicator.history.find((h) => h.validFrom === validFrom);
  const isBoolean = indicator.kind === "boolean";
  const err = form.fieldErrors;

  return (
    <Dialog
      title={t("rulesForm.title", { name })}
      description={<code>{indicator.code}</code>}
      closeLabel={t("actions.close")}
      onClose={onClose}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ code: indicator.code, validFrom, direction, target: toNumber(target), weight: toNumber(weight), required });
        }}
      >
        <FormErrors errors={form.fieldErrors} message={form.message} className="mb-3" />
        <div className="grid grid-cols-2 gap-3">
          <QuarterField
            id="rules-validFrom"
            label={t("rulesForm.validFrom")}
            hint={t("rulesForm.validFromHint")}
            error={err.validFrom}
            className="col-span-2"
            catalogue={catalogue}
            value={validFrom}
            onChange={setValidFrom}
          />
          <FormField
            id="rules-direction"
            label={t("columns.direction")}
            hint={isBoolean ? t("rulesForm.booleanDirection") : undefined}
            error={err.direction}
          >
            <Select
              {...fieldIds("rules-direction", err.direction)}
              invalid={!!err.direction}
              disabled={isBoolean}
              value={direction}
              onChange={(e) => setDirection(e.target.value as typeof direction)}
            >
              <option value="higher">{t("directions.higher")}</option>
              <option value="lower">{t("directions.lower")}</option>
            </Select>
          </FormField>
          <DecimalField
            id="rules-target"
            label={t("columns.target")}
            hint={t(`rulesForm.targetHint.${indicator.kind}`)}
            error={err.target}
            value={target}
            onChange={setTarget}
          />
          <DecimalField
            id="rules-weight"
            label={t("columns.weight")}
            hint={t("rulesForm.weightHint")}
            error={err.weight}
            value={weight}
            onChange={setWeight}
          />
          <div className="flex items-end pb-6">
            <Checkbox label={t("rulesForm.required")} checked={required} onChange={(e) => setRequired(e.target.checked)} />
          </div>
        </div>
        {pending && !pending.locked ? (
          <Notice className="mt-2">{t("rulesForm.replaces", { quarter: quarterLabel(validFrom) })}</Notice>
        ) : null}
        <DialogFormActions
          cancelLabel={t("actions.cancel")}
          onCancel={onClose}
          pending={save.isPending}
          pendingLabel={t("actions.saving")}
          submitLabel={t("actions.save")}
        />
      </form>
    </Dialog>
  );
}
