import { asc, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { categories, indicators } from "~/db/schema";

/** The active indicator catalogue in display order (contract: `indicator.list`). */
export async function listIndicators({ db }: { db: Db }) {
  const rows = await db
    .select()
    .from(indicators)
    .innerJoin(categories, eq(categories.code, indicators.categoryCode))
    .where(eq(indicators.active, true))
    .orderBy(asc(categories.sortOrder), asc(indicators.sortOrder));
  return rows.map(({ indicators: i }) => ({
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
  }));
}

export type IndicatorListItem = Awaited<ReturnType<typeof listIndicators>>[number];

/** The six categories with their weights in the composite score. */
export function listCategories({ db }: { db: Db }) {
  return db.select().from(categories).orderBy(asc(categories.sortOrder));
}
