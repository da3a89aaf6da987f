"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { DecimalField } from "./decimal-field";
import { QuarterField } from "./quarter-field";
import { toNumber, type Catalogue, type CatalogueCategory } from "./use-catalogue";
import { useCatalogueForm } from "./use-catalogue-form";

/** Changes a category's weight in the composite from a quarter on. */
export function WeightDialog({
  catalogue,
  category,
  onClose,
  onDone,
}: {
  catalogue: Catalogue;
  category: CatalogueCategory;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const form = useCatalogueForm();
  const [validFrom, setValidFrom] = useState(catalogue.defaultValidFrom);
  const [weight, setWeight] = useState(String(category.weight ?? 1));
  const save = useMutation(
    trpc.catalogue.setCategoryWeight.mutationOptions({
      onSuccess: async (res) => {
        await form.refresh();
        onDone(res.changed ? t("adminCatalogue.saved") : t("adminCatalogue.unchanged"));
      },
      onError: form.onError,
    }),
  );
  const err = form.fieldErrors;
  const name = locale.startsWith("zh") ? category.nameZh : category.nameEn;
  return (
    <Dialog title={t("adminCatalogue.weightForm.title", { name })} closeLabel={t("adminCatalogue.actions.close")} onClose={onClose}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ categoryCode: category.code, validFrom, weight: toNumber(weight) });
        }}
      >
        <FormErrors errors={form.fieldErrors} message={form.message} className="mb-3" />
        <div className="grid grid-cols-2 gap-3">
          <QuarterField
            id="weight-validFrom"
            label={t("adminCatalogue.rulesForm.validFrom")}
            hint={t("adminCatalogue.rulesForm.validFromHint")}
            error={err.validFrom}
            catalogue={catalogue}
            value={validFrom}
            onChange={setValidFrom}
          />
          <DecimalField
            id="weight-weight"
            label={t("adminCatalogue.weightForm.weight")}
            hint={t("adminCatalogue.weightForm.weightHint")}
            error={err.weight}
            value={weight}
            onChange={setWeight}
          />
        </div>
        <DialogFormActions
          cancelLabel={t("adminCatalogue.actions.cancel")}
          onCancel={onClose}
          pending={save.isPending}
          pendingLabel={t("adminCatalogue.actions.saving")}
          submitLabel={t("adminCatalogue.actions.save")}
        />
      </form>
    </Dialog>
  );
}
