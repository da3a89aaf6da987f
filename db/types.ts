import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type * as schema from "./schema";
import type { Category, Indicator, IndicatorVersion } from "./schema";

export type Schema = typeof schema;
/** The one database type the services see, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** An open database: the drizzle instance, which driver, and how to close it. */
export type DbHandle = { db: Db; driver: "pglite" | "postgres"; url?: string; close: () => Promise<void> };

/** A category with its current weight (the catalogue as the seed and the admin pages see it). */
export type CatalogueCategory = Category & { weight: number };
/** An indicator with the scoring rules of one version (what the catalogue says for a quarter). */
export type CatalogueIndicator = Omit<Indicator, "retiredFrom"> & Pick<IndicatorVersion, "direction" | "target" | "weight" | "required">;
