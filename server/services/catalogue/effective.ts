import "server-only";
import { and, asc, desc, eq, isNull, lte, or, gt } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { categories, categoryWeights, indicators, indicatorVersions, type Category } from "~/db/schema";
import type { CatalogueIndicator } from "~/db/types";

export type EffectiveIndicator = CatalogueIndicator & { validFrom: string };

/**
 * The indicators collected in `quarter`, each with the rules of its version in force then
 * (the latest `validFrom` ≤ quarter), in display order. Retired ones are left out.
 */
export async function effectiveIndicators(db: Db | Tx, quarter: string): Promise<EffectiveIndicator[]> {
  const rows = await db
    .selectDistinctOn([indicators.code], { i: indicators, v: indicatorVersions, categoryOrder: categories.sortOrder })
    .from(indicators)
    .innerJoin(categories, eq(categories.code, indicators.categoryCode))
    .innerJoin(indicatorVersions, and(eq(indicatorVersions.indicatorCode, indicators.code), lte(indicatorVersions.validFrom, quarter)))
    .where(or(isNull(indicators.retiredFrom), gt(indicators.retiredFrom, quarter)))
    .orderBy(asc(indicators.code), desc(indicatorVersions.validFrom));
  return rows
    .sort((a, b) => a.categoryOrder - b.categoryOrder || a.i.sortOrder - b.i.sortOrder)
    .map(({ i, v }) => ({
      code: i.code,
      categoryCode: i.categoryCode,
      nameZh: i.nameZh,
      nameEn: i.nameEn,
      unitZh: i.unitZh,
      unitEn: i.unitEn,
      helpZh: i.helpZh,
      helpEn: i.helpEn,
      kind: i.kind,
      source: i.source,
      sortOrder: i.sortOrder,
      direction: v.direction,
      target: v.target,
      weight: v.weight,
      required: v.required,
      validFrom: v.validFrom,
    }));
}

/** The six categories with their weight in the composite score in force in `quarter`. */
export async function effectiveCategories(db: Db | Tx, quarter: string) {
  const rows = await db
    .selectDistinctOn([categories.code], { c: categories, weight: categoryWeights.weight, validFrom: categoryWeights.validFrom })
    .from(categories)
    .innerJoin(categoryWeights, and(eq(categoryWeights.categoryCode, categories.code), lte(categoryWeights.validFrom, quarter)))
    .orderBy(asc(categories.code), desc(categoryWeights.validFrom));
  return rows.map(({ c, weight, validFrom }) => ({ ...c, weight, validFrom })).sort((a, b) => a.sortOrder - b.sortOrder);
}

/** The rules version of one indicator in force in `quarter` (latest `validFrom` ≤ quarter), or null. */
export async function indicatorVersionInForce(db: Db | Tx, code: string, quarter: string) {
  const [row] = await db
    .select()
    .from(indicatorVersions)
    .where(and(eq(indicatorVersions.indicatorCode, code), lte(indicatorVersions.validFrom, quarter)))
    .orderBy(desc(indicatorVersions.validFrom))
    .limit(1);
  return row ?? null;
}

/** One category's weight row in force in `quarter`, or null. */
export async function categoryWeightInForce(db: Db | Tx, categoryCode: string, quarter: string) {
  const [row] = await db
    .select()
    .from(categoryWeights)
    .where(and(eq(categoryWeights.categoryCode, categoryCode as Category["code"]), lte(categoryWeights.validFrom, quarter)))
    .orderBy(desc(categoryWeights.validFrom))
    .limit(1);
  return row ?? null;
}
