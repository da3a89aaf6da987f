"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "~/app/_lib/trpc/react";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { addQuarters, formatQuarter, quarterRange } from "~/lib/quarter";
import { useServerErrors } from "~/app/_lib/use-server-errors";

export type Catalogue = RouterOutputs["catalogue"]["list"];
export type CatalogueIndicator = Catalogue["indicators"][number];
export type CatalogueCategory = Catalogue["categories"][number];

const BASELINE = "0000Q1";

/** Quarter labels, with the seeded baseline shown as "initial" rather than year 0. */
export function useQuarterLabel() {
  const locale = useLocale();
  const t = useTranslations("adminCatalogue");
  return (q: string | null) => (q === null ? t("open") : q === BASELINE ? t("baseline") : formatQuarter(q, locale));
}

/** The quarters a rule change may start in: from the first open one to a year past the running quarter. */
export function openQuarters(c: Catalogue): string[] {
  const lower = c.firstOpenQuarter ?? addQuarters(c.defaultValidFrom, -4);
  const upper = addQuarters(c.runningQuarter > lower ? c.runningQuarter : lower, 4);
  return quarterRange(lower, upper);
}

/** A number typed in a form: "" and junk become NaN, which the server answers with a field message. */
export const toNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text.trim()));

/** Field errors and a form-level message from a failed mutation; refreshes the catalogue on success. */
export function useCatalogueForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useServerErrors();
  return {
    fieldErrors: errors.fields,
    message: errors.problem,
    onError: errors.show,
    refresh: async () => {
      errors.clear();
      await Promise.all([
        queryClient.invalidateQueries(trpc.catalogue.pathFilter()),
        queryClient.invalidateQueries(trpc.indicator.pathFilter()),
        queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
      ]);
    },
  };
}
