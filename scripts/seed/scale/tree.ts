import type { DemoProfile, DemoUnit } from "~/scripts/seed/demo-tree";
import { makeRng, type Rng } from "~/scripts/seed/scale/rng";

/**
 * A large, realistic organisation tree for the scale seed: one 市直机关工委 at the root, about
 * one 机关党委 per 250 units below it (departments of very uneven size), each holding 党总支
 * with 3–14 党支部 and some 党支部 directly. Four levels at most; pre-order ids from 1, with
 * `path` and `depth` materialised as scripts/seed/demo-tree.ts and the unit service do. Deterministic.
 */

export type ScaleUnit = DemoUnit & {
  /** Party-building strength shared by a whole department (some departments are weaker). */
  deptBias: number;
};

export const SCALE_ROOT_NAME = "中共某市委市直机关工委";
export const UNITS_PER_DEPARTMENT = 250;

const bureaus = [
  "市发展改革委",
  "市教育局",
  "市科技局",
  "市工业和信息化局",
  "市公安局",
  "市民政局",
  "市司法局",
  "市财政局",
  "市人力资源社会保障局",
  "市自然资源和规划局",
  "市生态环境局",
  "市住房城乡建设局",
  "市交通运输局",
  "市水利局",
  "市农业农村局",
  "市商务局",
  "市文化广电旅游局",
  "市卫生健康委",
  "市退役军人事务局",
  "市应急管理局",
  "市审计局",
  "市国资委",
  "市市场监管局",
  "市体育局",
  "市统计局",
  "市医保局",
  "市林业局",
  "市城市管理局",
  "市信访局",
  "市机关事务管理局",
  "市数据局",
  "市税务局",
  "市气象局",
  "市档案馆",
  "市政务服务中心",
  "市供销社",
  "市总工会",
  "团市委",
  "市妇联",
  "市科协",
  "市社科联",
  "市文联",
  "市残联",
  "市红十字会",
  "市地方金融管理局",
  "市粮食和储备局",
];
/** When there are more departments than bureaus: their second and third 党委. */
const deptKinds = ["机关党委", "直属单位党委", "系统党委", "事业单位党委"];
const sections = [
  "办公室",
  "人事科",
  "财务科",
  "法规科",
  "综合科",
  "规划科",
  "监督科",
  "审批科",
  "执法科",
  "信息科",
  "宣传科",
  "督查科",
  "统计科",
  "安全科",
  "政策研究室",
  "机关服务中心",
  "信息中心",
  "事务中心",
  "执法支队",
  "离退休干部",
];
const cn = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const ordinal = (n: number) => (n <= 10 ? cn[n - 1]! : n < 20 ? `十${cn[n - 11]!}` : String(n));

/** Splits `total` into `parts` uneven sizes (log-normal weights), each at least `min`. */
function unevenSizes(total: number, parts: number, min: number, rng: Rng): number[] {
  const weights = Array.from({ length: parts }, () => Math.exp(rng.normal(0.6)));
  const spare = total - parts * min;
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => min + Math.floor((spare * w) / sum));
  let left = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % parts, left--) sizes[i]! += 1;
  return sizes;
}

function profileOf(rng: Rng): DemoProfile | undefined {
  const r = rng.next();
  return r < 0.08 ? "bizFirst" : r < 0.18 ? "strong" : r < 0.25 ? "weak" : undefined;
}

/** Members of a 党支部: mostly 5–20, a few large (retired cadres, law-enforcement units). */
const branchMembers = (rng: Rng) => Math.max(3, Math.min(60, Math.round(Math.exp(2.3 + rng.normal(0.55)))));

export function buildScaleTree(total: number, seed = 0x5ca1e): ScaleUnit[] {
  if (total < 3) throw new Error("the scale tree needs at least 3 units");
  const rng = makeRng(seed);
  const out: ScaleUnit[] = [];
  const add = (parent: ScaleUnit | null, name: string, type: ScaleUnit["type"], extra: Partial<ScaleUnit> = {}): ScaleUnit => {
    const id = out.length + 1;
    const unit: ScaleUnit = {
      id,
      parentId: parent?.id ?? null,
      name,
      type,
      path: `${parent?.path ?? "/"}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      memberCount: 0,
      secretaryIsHead: false,
      fullTimeStaff: type === "committee",
      deptBias: parent?.deptBias ?? 0,
      ...extra,
    };
    out.push(unit);
    return unit;
  };
  const branch = (parent: ScaleUnit, name: string) => {
    const profile = profileOf(rng);
    return add(parent, name, "branch", {
      memberCount: branchMembers(rng),
      secretaryIsHead: rng.chance(0.4),
      fullTimeStaff: rng.chance(0.15),
      ...(profile ? { profile } : {}),
    });
  };

  const root = add(null, SCALE_ROOT_NAME, "committee");
  const departments = Math.max(1, Math.round((total - 1) / UNITS_PER_DEPARTMENT));
  const sizes = unevenSizes(total - 1, departments, 2, rng);
  sizes.forEach((size, d) => {
    const bureau = bureaus[d % bureaus.length]!;
    const kind = deptKinds[Math.floor(d / bureaus.length)] ?? `第${Math.floor(d / bureaus.length) + 1}党委`;
    const dept = add(root, `${bureau}${kind}`, "committee", { deptBias: rng.normal(0.06) });
    let left = size - 1;
    let generals = 0;
    let directs = 0;
    while (left > 0) {
      if (left <= 3 || rng.chance(0.12)) {
        const section = sections[directs % sections.length]!;
        branch(dept, directs < sections.length ? `${bureau}${section}党支部` : `${bureau}第${ordinal(directs + 1)}党支部`);
        directs++;
        left--;
        continue;
      }
      const k = Math.min(left - 1, rng.int(3, 14));
      generals++;
      const general = add(dept, `${bureau}第${ordinal(generals)}党总支`, "general_branch", { fullTimeStaff: rng.chance(0.3) });
      for (let j = 1; j <= k; j++) branch(general, `${bureau}第${ordinal(generals)}党总支第${ordinal(j)}党支部`);
      left -= k + 1;
    }
  });
  // Inner units count the members of their subtree; children come after parents in pre-order.
  const byId = new Map(out.map((u) => [u.id, u]));
  for (let i = out.length - 1; i > 0; i--) {
    const u = out[i]!;
    byId.get(u.parentId!)!.memberCount += u.memberCount;
  }
  if (root.memberCount === 0) throw new Error("scale tree has no members");
  return out;
}

/** The first leaf in pre-order: where the demo `staff` account works. */
export function scaleStaffUnit(tree: ScaleUnit[]): ScaleUnit {
  const parents = new Set(tree.map((u) => u.parentId));
  const leaf = tree.find((u) => u.type === "branch" && !parents.has(u.id));
  if (!leaf) throw new Error("scale tree has no leaf");
  return leaf;
}
