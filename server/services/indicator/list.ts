import "server-only";
import type { Db } from "~/db/client";
import { defaultReportingQuarter } from "~/lib/quarter";
import { effectiveCategories, effectiveIndicators } from "~/server/services/catalogue/effective";

/**
 * The indicator catalogue as it stands for `quarter` (default: the current reporting quarter),
 * in display order (contract: `indicator.list`).
 */
export async function listIndicators({ db }: { db: Db }, input: { quarter?: string } = {}) {
  const rows = await effectiveIndicators(db, input.quarter ?? defaultReportingQuarter());
  return rows.map((i) => ({
    code: i.code,
    category: i.categoryCode,
    name: i.nameZh,
    nameEn: i.nameEn,
    kind: i.kind,
    direction: i.direction,
    target: i.target,
    weight: i.weight,
    required: i.required,
    source: i.source,
    unit: i.unitZh,
    unitEn: i.unitEn,
    help: i.helpZh,
    helpEn: i.helpEn,
    validFrom: i.validFrom,
  }));
}

export type IndicatorListItem = Awaited<ReturnType<typeof listIndicators>>[number];

/** The six categories with their weights in the composite for `quarter`. */
export function listCategories({ db }: { db: Db }, input: { quarter?: string } = {}) {
  return effectiveCategories(db, input.quarter ?? defaultReportingQuarter());
}
