"use client";

import { useLocale, useTranslations } from "next-intl";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { addQuarters, formatQuarter, quarterRange } from "~/lib/quarter";

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
