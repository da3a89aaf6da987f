"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { useQuarterLabel, type Catalogue, type CatalogueIndicator } from "./use-catalogue";
import { useCatalogueForm } from "./use-catalogue-form";
import { QuarterField } from "./quarter-field";

/** Retires an indicator from a quarter on, or (when it is retired) takes that back. */
export function RetireDialog({
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
  const [fromQuarter, setFromQuarter] = useState(catalogue.defaultValidFrom);
  const options = {
    onSuccess: async () => {
      await form.refresh();
      onDone(t("saved"));
    },
    onError: form.onError,
  };
  const retire = useMutation(trpc.catalogue.retire.mutationOptions(options));
  const unretire = useMutation(trpc.catalogue.unretire.mutationOptions(options));
  const name = en ? indicator.nameEn : indicator.nameZh;
  const busy = retire.isPending || unretire.isPending;
  const err = form.fieldErrors;
  const restoring = indicator.retiredFrom !== null;

  return (
    <Dialog
      title={restoring ? t("actions.unretire") : t("retireForm.title", { name })}
      description={<code>{indicator.code}</code>}
      closeLabel={t("actions.close")}
      onClose={onClose}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (restoring) unretire.mutate({ code: indicator.code });
          else retire.mutate({ code: indicator.code, fromQuarter });
        }}
      >
        <FormErrors errors={form.fieldErrors} message={form.message} className="mb-3" />
        {restoring ? (
          <p className="text-sm">{t("unretireConfirm", { name, quarter: quarterLabel(indicator.retiredFrom) })}</p>
        ) : (
          <QuarterField
            id="retire-fromQuarter"
            label={t("retireForm.fromQuarter")}
            hint={t("retireForm.hint")}
            error={err.fromQuarter}
            catalogue={catalogue}
            value={fromQuarter}
            onChange={setFromQuarter}
          />
        )}
        <DialogFormActions
          cancelLabel={t("actions.cancel")}
          onCancel={onClose}
          pending={busy}
          pendingLabel={t("actions.saving")}
          submitLabel={restoring ? t("actions.unretire") : t("retireForm.confirm")}
        />
      </form>
    </Dialog>
  );
}
