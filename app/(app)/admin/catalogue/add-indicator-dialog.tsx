"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { TextInput } from "~/app/_components/ui/field";
import { Checkbox, FormField, fieldIds } from "~/app/_components/ui/form-field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { Select } from "~/app/_components/ui/select";
import { useTRPC } from "~/app/_lib/trpc/react";
import { categoryCodes, indicatorKinds, type CategoryCode, type Direction, type IndicatorKind } from "~/lib/codes";
import { TextFields, textKeys, type Texts } from "./texts-dialog";
import { toNumber, type Catalogue } from "./use-catalogue";
import { useCatalogueForm } from "./use-catalogue-form";
import { QuarterField } from "./quarter-field";
import { DecimalField } from "./decimal-field";

/** Adds a typed-in indicator, collected from a chosen quarter on. */
export function AddIndicatorDialog({
  catalogue,
  onClose,
  onDone,
}: {
  catalogue: Catalogue;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const form = useCatalogueForm();
  const [code, setCode] = useState("");
  const [categoryCode, setCategoryCode] = useState<CategoryCode>("leadership");
  const [kind, setKind] = useState<IndicatorKind>("count");
  const [validFrom, setValidFrom] = useState(catalogue.defaultValidFrom);
  const [texts, setTexts] = useState<Texts>(() => Object.fromEntries(textKeys.map((k) => [k, ""])) as Texts);
  const [direction, setDirection] = useState<Direction>("higher");
  const [target, setTarget] = useState("1");
  const [weight, setWeight] = useState("1");
  const [required, setRequired] = useState(false);
  const create = useMutation(
    trpc.catalogue.createIndicator.mutationOptions({
      onSuccess: async (res) => {
        await form.refresh();
        onDone(t("adminCatalogue.created", { code: res.code }));
      },
      onError: form.onError,
    }),
  );
  const err = form.fieldErrors;
  const k = (key: string) => `adminCatalogue.${key}`;

  return (
    <Dialog title={t(k("addForm.title"))} closeLabel={t(k("actions.close"))} onClose={onClose} className="w-[52rem]">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({
            code,
            categoryCode,
            kind,
            validFrom,
            ...texts,
            direction: kind === "boolean" ? "higher" : direction,
            target: toNumber(target),
            weight: toNumber(weight),
            required,
          });
        }}
      >
        <FormErrors errors={form.fieldErrors} message={form.message} className="mb-3" />
        <div className="grid grid-cols-4 gap-3">
          <FormField id="add-code" label={t(k("addForm.code"))} hint={t(k("addForm.codeHint"))} error={err.code} className="col-span-2">
            <TextInput
              {...fieldIds("add-code", err.code)}
              invalid={!!err.code}
              autoComplete="off"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </FormField>
          <FormField id="add-category" label={t(k("addForm.category"))} error={err.categoryCode}>
            <Select id="add-category" value={categoryCode} onChange={(e) => setCategoryCode(e.target.value as CategoryCode)}>
              {categoryCodes.map((c) => (
                <option key={c} value={c}>
                  {t(`categories.${c}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <QuarterField
            id="add-validFrom"
            label={t(k("addForm.validFrom"))}
            error={err.validFrom}
            catalogue={catalogue}
            value={validFrom}
            onChange={setValidFrom}
          />
          <TextFields texts={texts} onChange={setTexts} errors={err} idPrefix="add" />
          <FormField id="add-kind" label={t(k("addForm.kind"))} error={err.kind}>
            <Select id="add-kind" value={kind} onChange={(e) => setKind(e.target.value as IndicatorKind)}>
              {indicatorKinds.map((x) => (
                <option key={x} value={x}>
                  {t(k(`kinds.${x}`))}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField id="add-direction" label={t(k("columns.direction"))} error={err.direction}>
            <Select
              {...fieldIds("add-direction", err.direction)}
              disabled={kind === "boolean"}
              value={kind === "boolean" ? "higher" : direction}
              onChange={(e) => setDirection(e.target.value as Direction)}
            >
              <option value="higher">{t(k("directions.higher"))}</option>
              <option value="lower">{t(k("directions.lower"))}</option>
            </Select>
          </FormField>
          <DecimalField
            id="add-target"
            label={t(k("columns.target"))}
            hint={t(k(`rulesForm.targetHint.${kind}`))}
            error={err.target}
            value={target}
            onChange={setTarget}
          />
          <DecimalField id="add-weight" label={t(k("columns.weight"))} error={err.weight} value={weight} onChange={setWeight} />
          <div className="col-span-4">
            <Checkbox label={t(k("rulesForm.required"))} checked={required} onChange={(e) => setRequired(e.target.checked)} />
          </div>
        </div>
        <DialogFormActions
          cancelLabel={t(k("actions.cancel"))}
          onCancel={onClose}
          pending={create.isPending}
          pendingLabel={t(k("actions.saving"))}
          submitLabel={t(k("addForm.submit"))}
        />
      </form>
    </Dialog>
  );
}
