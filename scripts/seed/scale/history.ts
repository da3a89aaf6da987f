import type { CategoryCode, ReportStatus } from "~/db/schema";
import { afterQuarterEnd, indicatorValue, type CatalogueEntry } from "~/scripts/seed/history";
import { parseQuarter } from "~/lib/quarter";
import { clamp, makeRng, round1, unitSeed, type Rng } from "~/scripts/seed/scale/rng";
import type { ScaleUnit } from "~/scripts/seed/scale/tree";

/**
 * Report history of one unit for the scale seed, over any number of quarters (the demo's
 * generator, scripts/seed/history.ts, is fixed at eight): a latent Party-building and business
 * strength per unit with slow trends, a mid-year dip and noise, drawn like the demo's.
 * 重业务轻党建 units (profile `bizFirst`) score high on business and low on Party building.
 */

export type ScaleReport = {
  quarter: string;
  status: ReportStatus;
  version: number;
  businessScore: number;
  note: string;
  updatedAt: Date;
  submittedAt: Date | null;
  returnReason: string | null;
  values: Record<string, number>;
};

type Latent = { pb: number; pbSlope: number; biz: number; bizSlope: number; bizNoise: number; catBias: Record<CategoryCode, number> };

function latentFor(unit: ScaleUnit, rng: Rng): Latent {
  const catBias = { leadership: 0, vanguard: 0, inner_life: 0, two_skins: 0, methods: 0, responsibility: 0 } as Record<
    CategoryCode,
    number
  >;
  for (const code of Object.keys(catBias) as CategoryCode[]) catBias[code] = rng.normal(0.05);
  const base = { pbSlope: rng.between(-0.002, 0.006), bizSlope: rng.between(-0.2, 0.4), bizNoise: 2.5, catBias };
  switch (unit.profile) {
    case "bizFirst":
      catBias.leadership -= 0.1;
      catBias.two_skins -= 0.12;
      catBias.responsibility -= 0.08;
      return { ...base, pb: rng.between(0.42, 0.52), biz: rng.between(88, 95), bizNoise: 1.2 };
    case "strong":
      return { ...base, pb: rng.between(0.88, 0.97), biz: rng.between(86, 94), bizNoise: 1.5 };
    case "weak":
      return { ...base, pb: rng.between(0.42, 0.56), biz: rng.between(56, 68) };
    default: {
      const bonus = (unit.secretaryIsHead ? 0.02 : 0) + (unit.fullTimeStaff ? 0.04 : 0);
      return { ...base, pb: clamp(rng.between(0.6, 0.84) + bonus + unit.deptBias, 0.3, 1), biz: rng.between(68, 87) };
    }
  }
}

const notes = [
  "本季度开展“党建+业务”主题党日活动。",
  "受业务工作集中影响，部分组织生活延期召开。",
  "支部书记调整，新任书记尚在熟悉党务工作。",
  "已完成上季度检查发现问题的整改。",
];
const returnReasons = [
  "“三会一课”记录不全，请补充后重新报送。",
  "业务考核得分与考核通报不一致，请核实。",
  "党建工作在绩效考核中的权重填报有误，请更正。",
];

/** Past quarters: a few reports missing, returned or left in draft; the newest quarter is a mix. */
function statusOf(rng: Rng, newest: boolean): ReportStatus | "none" {
  const r = rng.next();
  if (newest) return r < 0.4 ? "approved" : r < 0.7 ? "submitted" : r < 0.82 ? "draft" : r < 0.85 ? "returned" : "none";
  return r < 0.012 ? "none" : r < 0.024 ? "returned" : r < 0.032 ? "draft" : "approved";
}
const versions: Record<ReportStatus, number> = { draft: 1, submitted: 2, returned: 3, approved: 3 };

const historySeed = (unit: ScaleUnit) => makeRng(unitSeed(unit.id, 0x4157));

/** The unit's latent Party-building strength (≈ its composite / 100), as its history draws it: the annual seed's ballots lean on it. */
export const unitPartyLevel = (unit: ScaleUnit): number => latentFor(unit, historySeed(unit)).pb;

/** The unit's reports over `quarters` (oldest first); quarters without a report are left out. */
export function unitHistory(unit: ScaleUnit, quarters: readonly string[], catalogue: readonly CatalogueEntry[], now: Date): ScaleReport[] {
  const rng = historySeed(unit);
  const latent = latentFor(unit, rng);
  const out: ScaleReport[] = [];
  const newest = quarters.length - 1;
  const cap = (d: Date) => (d.getTime() > now.getTime() ? new Date(now.getTime()) : d);
  quarters.forEach((quarter, i) => {
    const back = newest - i;
    const quarterNo = parseQuarter(quarter)?.q ?? 1;
    const midYearDip = quarterNo === 3 ? -0.03 : 0; // a busy summer: meetings skipped
    const pbQ = latent.pb - latent.pbSlope * back + midYearDip + rng.normal(0.02);
    const businessScore = round1(clamp(latent.biz - latent.bizSlope * back + rng.normal(latent.bizNoise), 35, 99.5));
    const values: Record<string, number> = {};
    for (const ind of catalogue) {
      const p = clamp(pbQ + latent.catBias[ind.categoryCode] + rng.normal(0.075), 0.05, 1.2);
      values[ind.code] = indicatorValue(ind, p, rng, quarterNo);
    }
    const note = rng.next() < 0.1 ? rng.pick(notes) : "";
    const submitDay = Math.round(rng.between(3, 14) + (rng.next() < 0.1 ? rng.between(6, 12) : 0)) + rng.between(1, 10) / 24;
    const reviewDays = rng.between(0.5, 6);
    const status = statusOf(rng, i === newest);
    if (status === "none") return;
    const submittedAt = status === "draft" ? null : cap(afterQuarterEnd(quarter, submitDay));
    const updatedAt = cap(afterQuarterEnd(quarter, status === "approved" || status === "returned" ? submitDay + reviewDays : submitDay));
    const returnReason = status === "returned" ? rng.pick(returnReasons) : null;
    out.push({ quarter, status, version: versions[status], businessScore, note, updatedAt, submittedAt, returnReason, values });
  });
  return out;
}
