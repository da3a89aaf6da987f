import type { CategoryCode, ReportStatus } from "~/db/schema";
import type { CatalogueIndicator } from "~/scripts/seed/catalogue";
import { lastQuarters, parseQuarter } from "~/lib/quarter";
import type { DemoLatest, DemoUnit } from "~/scripts/seed/demo-tree";

/**
 * Plausible, deterministic report history for the demo tree: every unit gets a latent
 * Party-building strength and business strength with slow trends and noise, and its
 * indicator values are drawn around them. No Math.random: a seeded mulberry32 per unit.
 */

export const HISTORY_QUARTERS = 8;
const SEED = 0x5eed_d1a7;

/** mulberry32: a tiny, fast 32-bit PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, so each unit's stream depends on its name only (not on insertion order). */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

type Rng = { next: () => number; between: (lo: number, hi: number) => number; normal: (sd: number) => number };

function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    next,
    between: (lo, hi) => lo + (hi - lo) * next(),
    // Box–Muller; 1 - u keeps the log argument in (0, 1].
    normal: (sd) => sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
export const round1 = (x: number) => Math.round(x * 10) / 10;

export type DemoReport = {
  unitId: number;
  quarter: string;
  status: ReportStatus;
  version: number;
  businessScore: number;
  note: string;
  updatedAt: Date;
  submittedAt: Date | null;
  values: Record<string, number>;
};

export type CatalogueEntry = Pick<CatalogueIndicator, "code" | "categoryCode" | "kind" | "direction" | "target">;

/**
 * Whole-tree Party-building drift per quarter, oldest first, relative to the newest quarter:
 * a gentle rise with a dip in the fourth quarter (a busy mid-year with meetings skipped).
 */
const treeTrend = [-0.085, -0.065, -0.045, -0.115, -0.065, -0.035, -0.02, 0];

type Latent = {
  pb: number; // Party-building strength in the newest quarter, ≈ composite / 100
  pbSlope: number; // per quarter
  trendFactor: number; // how much of the tree-wide drift this unit follows
  biz: number; // business score in the newest quarter
  bizSlope: number;
  bizNoise: number;
  catBias: Record<CategoryCode, number>;
};

const zeroBias = (): Record<CategoryCode, number> => ({
  leadership: 0,
  vanguard: 0,
  inner_life: 0,
  two_skins: 0,
  methods: 0,
  responsibility: 0,
});

function latentFor(unit: DemoUnit, rng: Rng): Latent {
  const catBias = zeroBias();
  for (const code of Object.keys(catBias) as CategoryCode[]) catBias[code] = rng.normal(0.05);
  switch (unit.profile) {
    case "bizFirst":
      // Leaders put business first: planning, integration and responsibility suffer most.
      catBias.leadership -= 0.1;
      catBias.two_skins -= 0.12;
      catBias.responsibility -= 0.08;
      catBias.vanguard += 0.05;
      catBias.inner_life += 0.03;
      return {
        pb: rng.between(0.44, 0.5),
        pbSlope: rng.between(-0.008, 0.004),
        trendFactor: 0.4,
        biz: rng.between(89, 94),
        bizSlope: rng.between(0, 0.5),
        bizNoise: 1.2,
        catBias,
      };
    case "strong":
      return {
        pb: rng.between(0.9, 0.97),
        pbSlope: rng.between(0, 0.01),
        trendFactor: 0.6,
        biz: rng.between(87, 94),
        bizSlope: rng.between(0, 0.4),
        bizNoise: 1.5,
        catBias,
      };
    case "weak":
      return {
        pb: rng.between(0.45, 0.55),
        pbSlope: rng.between(-0.006, 0.006),
        trendFactor: 1,
        biz: rng.between(58, 68),
        bizSlope: rng.between(-0.4, 0.4),
        bizNoise: 2.5,
        catBias,
      };
    default: {
      const head = unit.secretaryIsHead ? 0.02 : 0;
      const fullTime = unit.fullTimeStaff ? 0.04 : 0;
      return {
        pb: rng.between(0.62, 0.84) + head + fullTime,
        pbSlope: rng.between(-0.004, 0.012),
        trendFactor: 1,
        biz: rng.between(70, 86),
        bizSlope: rng.between(-0.3, 0.6),
        bizNoise: 2.5,
        catBias,
      };
    }
  }
}

/** One indicator's value for a unit whose Party-building level this quarter is `p` (0–1). Shared with the scale generator. */
export function indicatorValue(ind: CatalogueEntry, p: number, rng: Pick<Rng, "next">, quarterNo: number): number {
  switch (ind.kind) {
    case "boolean": {
      let prob = clamp(p, 0.03, 0.98);
      if (ind.code === "I4_member_review" && quarterNo === 1) prob *= 0.5; // usually held later in the year
      return rng.next() < prob ? 1 : 0;
    }
    case "rate":
    case "score":
      return round1(clamp(ind.target * p, 0, 100));
    case "count": {
      if (ind.direction === "lower") {
        const risk = clamp((1 - p) * 0.35, 0.01, 0.4);
        let n = 0;
        while (n < 3 && rng.next() < risk) n++;
        return Math.max(0, Math.round(ind.target)) + n;
      }
      return Math.max(0, Math.floor(ind.target * p + rng.next())); // stochastic rounding
    }
  }
}

/** End of a quarter (UTC midnight of its last day) plus `days`. */
export function afterQuarterEnd(quarter: string, days: number): Date {
  const p = parseQuarter(quarter);
  if (!p) throw new Error(`bad quarter ${quarter}`);
  return new Date(Date.UTC(p.year, p.q * 3, 0) + days * 86_400_000);
}

const notes = {
  good: ["本季度开展“党建+业务”主题党日活动。", "组织党员赴红色教育基地开展现场教学。", "已完成上季度检查发现问题的整改。"],
  bizFirst: ["受业务工作集中影响，部分组织生活延期召开。", "业务任务繁重，党建工作计划未能全部落实。"],
  weak: ["支部书记调整，新任书记尚在熟悉党务工作。", "党务干部为兼职，精力不足，部分工作滞后。"],
};

function pickNote(unit: DemoUnit, rng: Rng): string {
  if (rng.next() > 0.18) return "";
  const pool = unit.profile === "bizFirst" ? notes.bizFirst : unit.profile === "weak" ? notes.weak : notes.good;
  return pool[Math.floor(rng.next() * pool.length)] ?? "";
}

function latestStatus(unit: DemoUnit, rng: Rng): DemoLatest {
  const r = rng.next(); // drawn for every unit so the stream stays aligned
  if (unit.latest) return unit.latest;
  if (unit.profile) return "approved"; // the showcase units are final in the newest quarter
  return r < 0.55 ? "approved" : r < 0.8 ? "submitted" : "draft";
}

/**
 * Reports for every unit and each of the last eight finished quarters before `now`
 * (oldest first). Older quarters are all approved; the newest is a mix, and units marked
 * `latest: "none"` in the tree have no report in it yet.
 */
export function generateHistory(units: DemoUnit[], catalogue: CatalogueEntry[], now: Date): DemoReport[] {
  const quarters = lastQuarters(HISTORY_QUARTERS, now);
  const newest = quarters.length - 1;
  const out: DemoReport[] = [];
  for (const unit of units) {
    const rng = makeRng(hashString(unit.name) ^ SEED);
    const latent = latentFor(unit, rng);
    const latest = latestStatus(unit, rng);
    quarters.forEach((quarter, i) => {
      const back = newest - i; // quarters before the newest
      const pbQ =
        latent.pb -
        latent.pbSlope * back +
        latent.trendFactor * (treeTrend[i + treeTrend.length - quarters.length] ?? 0) +
        rng.normal(0.02);
      const businessScore = round1(clamp(latent.biz - latent.bizSlope * back + rng.normal(latent.bizNoise), 35, 99.5));
      const quarterNo = parseQuarter(quarter)?.q ?? 1;
      const values: Record<string, number> = {};
      for (const ind of catalogue) {
        const p = clamp(pbQ + (latent.catBias[ind.categoryCode] ?? 0) + rng.normal(0.075), 0.05, 1.2);
        values[ind.code] = indicatorValue(ind, p, rng, quarterNo);
      }
      const note = pickNote(unit, rng);
      // Office hours in Beijing (01:00–10:00 UTC), 3–14 days after quarter end; a few late.
      const submitDay = Math.round(rng.between(3, 14) + (rng.next() < 0.1 ? rng.between(6, 12) : 0)) + rng.between(1, 10) / 24;
      const status = i === newest ? latest : "approved";
      if (status === "none") return;
      const cap = (d: Date) => (d.getTime() > now.getTime() ? new Date(now.getTime()) : d);
      const submittedAt = status === "draft" ? null : cap(afterQuarterEnd(quarter, submitDay));
      const updatedAt = cap(afterQuarterEnd(quarter, status === "approved" ? submitDay + rng.between(0.5, 6) : submitDay));
      const version = status === "approved" ? 3 : status === "submitted" ? 2 : 1;
      out.push({ unitId: unit.id, quarter, status, version, businessScore, note, updatedAt, submittedAt, values });
    });
  }
  return out;
}
