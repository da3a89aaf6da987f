import type { Category, Indicator, IndicatorVersion } from "./schema";

/** A category with its current weight (the catalogue as the seed and the admin pages see it). */
export type CatalogueCategory = Category & { weight: number };
/** An indicator with the scoring rules of one version (what the catalogue says for a quarter). */
export type CatalogueIndicator = Omit<Indicator, "retiredFrom"> & Pick<IndicatorVersion, "direction" | "target" | "weight" | "required">;
