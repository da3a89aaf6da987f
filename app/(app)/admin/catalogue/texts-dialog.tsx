"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { inputClass, TextInput } from "~/app/_components/ui/field";
import { FormField, fieldIds } from "~/app/_components/ui/form-field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { cn } from "~/app/_lib/cn";
import { useTRPC } from "~/app/_lib/trpc/react";
import { toNumber, type CatalogueIndicator } from "./use-catalogue";
import { useCatalogueForm } from "./use-catalogue-form";

export const textKeys = ["nameZh", "nameEn", "unitZh", "unitEn", "helpZh", "helpEn"] as const;
export type Texts = Record<(typeof textKeys)[number], string>;

/** The bilingual text fields of an indicator, shared by the add and edit forms. */
export function TextFields({
  texts,
  onChange,
  errors,
  idPrefix,
}: {
  texts: Texts;
  onChange: (t: Texts) => void;
  errors: Record<string, string>;
  idPrefix: string;
}) {
  const t = useTranslations("adminCatalogue.textsForm");
  return (
    <>
      {textKeys.map((key) => {
        const id = `${idPrefix}-${key}`;
        const long = key.startsWith("help");
        const props = {
          ...fieldIds(id, errors[key]),
          value: texts[key],
          onChange: (e: { target: { value: string } }) => onChange({ ...texts, [key]: e.target.value }),
        };
        return (
          <FormField key={key} id={id} label={t(key)} error={errors[key]} className={long ? "col-span-2" : undefined}>
            {long ? (
              <textarea
                {...props}
                rows={2}
                aria-invalid={!!errors[key] || undefined}
                className={cn(inputClass, "h-auto py-1", errors[key] && "border-red-600")}
              />
            ) : (
              <TextInput {...props} invalid={!!errors[key]} />
            )}
          </FormField>
        );
      })}
    </>
  );
}

/** Edits names, units, help and order: not versioned, no score changes. */
export function TextsDialog({
  indicator,
  onClose,
  onDone,
}: {
  indicator: CatalogueIndicator;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const t = useTranslations("adminCatalogue");
  const en = !useLocale().startsWith("zh");
  const trpc = useTRPC();
  const form = useCatalogueForm();
  const [texts, setTexts] = useState<Texts>(() => Object.fromEntries(textKeys.map((k) => [k, indicator[k]])) as Texts);
  const [sortOrder, setSortOrder] = useState(String(indicator.sortOrder));
  const save = useMutation(
    trpc.catalogue.updateTexts.mutationOptions({
      onSuccess: async (res) => {
        await form.refresh();
        onDone(res.changed ? t("saved") : t("unchanged"));
      },
      onError: form.onError,
    }),
  );
  return (
    <Dialog
      title={t("textsForm.title", { name: en ? indicator.nameEn : indicator.nameZh })}
      description={t("textsForm.hint")}
      closeLabel={t("actions.close")}
      onClose={onClose}
      className="w-[40rem]"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ code: indicator.code, ...texts, sortOrder: toNumber(sortOrder) });
        }}
      >
        <FormErrors errors={form.fieldErrors} message={form.message} className="mb-3" />
        <div className="grid grid-cols-2 gap-3">
          <TextFields texts={texts} onChange={setTexts} errors={form.fieldErrors} idPrefix="texts" />
          <FormField id="texts-sortOrder" label={t("textsForm.sortOrder")} error={form.fieldErrors.sortOrder}>
            <TextInput
              {...fieldIds("texts-sortOrder", form.fieldErrors.sortOrder)}
              inputMode="numeric"
              className="text-right"
              value={sortOrder}
              onChange={(e) => setSortOrder(e.target.value)}
            />
          </FormField>
        </div>
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
