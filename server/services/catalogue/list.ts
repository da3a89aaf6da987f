import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { categories, categoryWeights, indicators, indicatorVersions, users } from "~/db/schema";
import { quarterOf } from "~/lib/quarter";
import { assertCapability, type Actor } from "~/server/scope";
import { defaultValidFrom, firstOpenQuarter, latestApprovedQuarter } from "./open-quarter";

type Dated = { validFrom: string };

/**
 * Adds to each version (oldest first) the quarter its successor starts (`validTo`, exclusive),
 * whether it is frozen by approved reports, and whether it is in force in `quarter`.
 */
function withRanges<T extends Dated>(rows: T[], quarter: string, latestApproved: string | null) {
  const sorted = [...rows].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  return sorted.map((row, i) => {
    const validTo = sorted[i + 1]?.validFrom ?? null;
    return {
      ...row,
      validTo,
      locked: latestApproved !== null && row.validFrom <= latestApproved,
      inForce: row.validFrom <= quarter && (validTo === null || quarter < validTo),
    };
  });
}

/**
 * The whole catalogue for the admin page: every indicator (retired ones too) with its texts,
 * full rule history and the rules in force in the running quarter; the categories with their
 * weight history; and the first quarter from which rules may still change.
 */
export async function listCatalogue({ db, actor }: { db: Db; actor: Actor }) {
  assertCapability(actor, "manageCatalogue");
  const running = quarterOf(new Date());
  const [latestApproved, cats, weights, inds, versions] = await Promise.all([
    latestApprovedQuarter(db),
    db.select().from(categories).orderBy(asc(categories.sortOrder)),
    db
      .select({
        categoryCode: categoryWeights.categoryCode,
        validFrom: categoryWeights.validFrom,
        weight: categoryWeights.weight,
        createdAt: categoryWeights.createdAt,
        createdBy: users.displayName,
      })
      .from(categoryWeights)
      .leftJoin(users, eq(users.id, categoryWeights.createdBy)),
    db.select().from(indicators).orderBy(asc(indicators.sortOrder), asc(indicators.code)),
    db
      .select({
        indicatorCode: indicatorVersions.indicatorCode,
        validFrom: indicatorVersions.validFrom,
        direction: indicatorVersions.direction,
        target: indicatorVersions.target,
        weight: indicatorVersions.weight,
        required: indicatorVersions.required,
        createdAt: indicatorVersions.createdAt,
        createdBy: users.displayName,
      })
      .from(indicatorVersions)
      .leftJoin(users, eq(users.id, indicatorVersions.createdBy)),
  ]);

  const group = <T extends Record<K, string>, K extends string>(rows: T[], key: K) => {
    const out = new Map<string, T[]>();
    for (const r of rows) out.set(r[key], [...(out.get(r[key]) ?? []), r]);
    return out;
  };
  const weightsBy = group(weights, "categoryCode");
  const versionsBy = group(versions, "indicatorCode");
  const categoryOrder = new Map(cats.map((c) => [c.code, c.sortOrder]));

  return {
    runningQuarter: running,
    latestApprovedQuarter: latestApproved,
    firstOpenQuarter: firstOpenQuarter(latestApproved),
    defaultValidFrom: defaultValidFrom(latestApproved),
    categories: cats.map((c) => {
      const history = withRanges(weightsBy.get(c.code) ?? [], running, latestApproved);
      return { ...c, weight: history.find((h) => h.inForce)?.weight ?? null, history };
    }),
    indicators: inds
      .sort((a, b) => (categoryOrder.get(a.categoryCode) ?? 0) - (categoryOrder.get(b.categoryCode) ?? 0))
      .map((i) => {
        const history = withRanges(versionsBy.get(i.code) ?? [], running, latestApproved);
        return {
          ...i,
          retired: i.retiredFrom !== null && i.retiredFrom <= running,
          current: history.find((h) => h.inForce) ?? null,
          history,
        };
      }),
  };
}

export type CatalogueList = Awaited<ReturnType<typeof listCatalogue>>;
