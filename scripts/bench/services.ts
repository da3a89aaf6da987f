import type { Db } from "~/db/client";
import type { Actor } from "~/server/scope";
import { dashboardHeatmap } from "~/server/services/dashboard/heatmap";
import {
  naiveHeatmap,
  naiveMeetingFlagsPage,
  naiveMeetingQuality,
  naiveMeetingQualityCharts,
  naiveOverview,
  naiveQuadrant,
} from "~/tests/oracles/naive";
import { meetingFlagsPage } from "~/server/services/meeting/flags-page";
import { dashboardMeetingQuality, meetingQualityCharts } from "~/server/services/dashboard/meeting-quality";
import { assertUnitInScope } from "~/server/scope";
import { dashboardOverview } from "~/server/services/dashboard/overview";
import { dashboardQuadrant, type QuadrantInput } from "~/server/services/dashboard/quadrant";
import { binPoints, quadrantBinning } from "~/lib/scoring/quadrant-bins";
import { timeRuns, type Stats } from "./stats";
import { sql } from "drizzle-orm";
import { queryRows } from "~/db/client";

/** An offset of the flags' page in the middle of the range's second-newest quarter with flags (0 if none), a multiple of 50. */
async function middlePageOffset(db: Db, unitId: number, range: { from: string; to: string }) {
  const quarters = await queryRows<{ n: number | string }>(
    db,
    sql`select sum(flags) as n from subtree_flag_counts where root_unit_id = ${unitId} and quarter >= ${range.from}
         and quarter <= ${range.to} group by quarter having sum(flags) > 0 order by quarter desc limit 2`,
  );
  if (quarters.length < 2) return 0;
  return Math.floor((Number(quarters[0]!.n) + Number(quarters[1]!.n) / 2) / 50) * 50;
}

/** A subtree the dashboards are measured on. */
export type Subject = { label: string; unitId: number; units: number };
export type ServiceRow = { subject: Subject; query: string; rollup: Stats; naive: Stats; ratio: number; equal: boolean };

/** Deep equality with numbers equal to 1e-9 relative: the rollups must reproduce the live query. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

type QuadrantResult = {
  points: { business: number; party: number }[];
  flagged: unknown[];
  binned?: { bins: unknown[] } | null;
};

/**
 * The quadrant of every unit as drawn: the grid and the flagged units listed (the largest gaps,
 * when binned), from the service's own result or from every point binned the way it bins.
 */
function drawnQuadrant(r: QuadrantResult) {
  const { binAbove, cell, flaggedLimit } = quadrantBinning;
  if (r.binned) return { bins: r.binned.bins, flagged: r.flagged };
  const binned = r.points.length > binAbove;
  return { bins: binned ? binPoints(r.points, cell) : [], flagged: binned ? r.flagged.slice(0, flaggedLimit) : r.flagged };
}

/**
 * The quadrant of every unit agrees with the live query when its points (the service without
 * the grid) equal the live ones, to 1e-9, and what it draws is those points binned. Binning the
 * live points directly would not do: a live composite may differ from the stored one in the last
 * bits (…51.99999999999 against 52), enough to move a unit on a cell's edge to the next cell.
 */
async function sameQuadrant(ctx: { db: Db; actor: Actor }, input: QuadrantInput, rollup: QuadrantResult, naive: QuadrantResult) {
  const points = await dashboardQuadrant(ctx, input, { ...quadrantBinning, binAbove: 1e9 });
  return same(points.points, naive.points) && same(drawnQuadrant(rollup), drawnQuadrant(points));
}

/**
 * p50/p95/mean of each dashboard query through its rollup-backed service and through the live
 * (naive) baseline, on the same data in the same run, and whether the two agree.
 */
export async function benchServices(
  ctx: { db: Db; actor: Actor },
  subjects: Subject[],
  opts: {
    from: string;
    to: string;
    quarter: string;
    /** The quarter range of the meeting-quality dashboard (the quarters that have meetings). */
    meetings: { from: string; to: string };
    /** Only the queries whose names start with one of these (all when absent). */
    only?: string[];
    runs: number;
    warmup: number;
    naiveRuns: number;
    log: (line: string) => void;
  },
): Promise<ServiceRow[]> {
  const rows: ServiceRow[] = [];
  for (const subject of subjects) {
    const { unitId } = subject;
    const middle = await middlePageOffset(ctx.db, unitId, opts.meetings);
    const queries = [
      {
        query: "overview",
        rollup: () => dashboardOverview(ctx, { unitId, from: opts.from, to: opts.to }),
        naive: () => naiveOverview(ctx, { unitId, from: opts.from, to: opts.to }),
        pick: (r: { trend: unknown; cases: unknown }) => ({ trend: r.trend, cases: r.cases }),
      },
      {
        query: "meeting quality (charts)",
        rollup: async () =>
          meetingQualityCharts(ctx, await assertUnitInScope(ctx.db, ctx.actor, unitId, "read"), { unitId, ...opts.meetings }),
        naive: () => naiveMeetingQualityCharts(ctx, { unitId, ...opts.meetings }),
        pick: (r: unknown) => r,
      },
      {
        query: "meeting quality (whole service, flags counted)",
        rollup: () => dashboardMeetingQuality(ctx, { unitId, ...opts.meetings }),
        naive: () => naiveMeetingQuality(ctx, { unitId, ...opts.meetings }),
        pick: (r: unknown) => r,
      },
      {
        query: "meeting flags (first page of 50)",
        rollup: () => meetingFlagsPage(ctx, { unitId, ...opts.meetings, offset: 0, limit: 50 }),
        naive: () => naiveMeetingFlagsPage(ctx, { unitId, ...opts.meetings, offset: 0, limit: 50 }),
        pick: (r: unknown) => r,
      },
      {
        query: `meeting flags (page of 50 at ${middle}, in the 2nd quarter)`,
        rollup: () => meetingFlagsPage(ctx, { unitId, ...opts.meetings, offset: middle, limit: 50 }),
        naive: () => naiveMeetingFlagsPage(ctx, { unitId, ...opts.meetings, offset: middle, limit: 50 }),
        pick: (r: unknown) => r,
      },
      {
        query: "quadrant (children)",
        rollup: () => dashboardQuadrant(ctx, { unitId, quarter: opts.quarter, level: "children" }),
        naive: () => naiveQuadrant(ctx, { unitId, quarter: opts.quarter, level: "children" }),
        pick: (r: { points: unknown }) => r.points,
      },
      {
        query: "quadrant (all units)",
        rollup: () => dashboardQuadrant(ctx, { unitId, quarter: opts.quarter, level: "units" }),
        naive: () => naiveQuadrant(ctx, { unitId, quarter: opts.quarter, level: "units" }),
        pick: (r: { points: unknown }) => r.points, // compared by sameQuadrant
      },
      {
        query: "heatmap",
        rollup: () => dashboardHeatmap(ctx, { unitId, quarter: opts.quarter }),
        naive: () => naiveHeatmap(ctx, { unitId, quarter: opts.quarter }),
        pick: (r: { rows: unknown }) => r.rows,
      },
    ] as const;
    for (const q of queries.filter((x) => !opts.only || opts.only.some((o) => x.query.startsWith(o)))) {
      const pick = q.pick as (r: unknown) => unknown;
      const equal =
        q.query === "quadrant (all units)"
          ? await sameQuadrant(ctx, { unitId, quarter: opts.quarter, level: "units" }, await q.rollup(), await q.naive())
          : same(pick(await q.rollup()), pick(await q.naive()));
      const rollup = await timeRuns(q.rollup, { warmup: opts.warmup, runs: opts.runs });
      const naive = await timeRuns(q.naive, { warmup: 1, runs: opts.naiveRuns });
      const ratio = naive.p50 / rollup.p50;
      opts.log(
        `  ${subject.label} · ${q.query}: rollup p50 ${rollup.p50.toFixed(1)} ms, naive p50 ${naive.p50.toFixed(0)} ms (${ratio.toFixed(0)}×)${equal ? "" : " — RESULTS DIFFER"}`,
      );
      rows.push({ subject, query: q.query, rollup, naive, ratio, equal });
    }
  }
  return rows;
}
