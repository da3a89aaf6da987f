import type { UnitType } from "~/db/schema";

/**
 * The demo organisation tree (development seed only): 市直机关工委 → 5 机关党委 →
 * 党总支 / 党支部 → 党支部, 53 units over 4 levels. Pure data, deterministic.
 */

/** How a unit behaves in the generated history (scripts/seed/history.ts). */
export type DemoProfile =
  | "bizFirst" // 重业务轻党建: business score ≥ 85, Party-building composite ≤ 60
  | "strong" // strong on both
  | "weak"; // weak on both

/** Status of the newest quarter's report; "none" = no report yet. */
export type DemoLatest = "none" | "draft" | "submitted" | "approved";

type Spec = {
  name: string;
  type: UnitType;
  members?: number; // leaves only; inner units get the sum of their subtree
  head?: boolean; // 书记“一肩挑”
  fullTime?: boolean; // 专职党务干部
  profile?: DemoProfile;
  latest?: DemoLatest;
  children?: Spec[];
};

export type DemoUnit = {
  id: number;
  parentId: number | null;
  name: string;
  type: UnitType;
  path: string;
  depth: number;
  memberCount: number;
  secretaryIsHead: boolean;
  fullTimeStaff: boolean;
  profile?: DemoProfile;
  latest?: DemoLatest;
};

/** The 党支部 leaf where the demo `staff` user works. */
export const demoStaffUnitName = "市财政局预算科党支部";

type Opts = Omit<Spec, "name" | "type" | "members" | "children">;
const branch = (name: string, members: number, opts: Opts = {}): Spec => ({ name, type: "branch", members, ...opts });
const general = (name: string, children: Spec[], opts: Opts = {}): Spec => ({
  name,
  type: "general_branch",
  children,
  ...opts,
});
const committee = (name: string, children: Spec[], opts: Opts = {}): Spec => ({
  name,
  type: "committee",
  fullTime: true,
  children,
  ...opts,
});

const spec: Spec = committee("中共某市委市直机关工委", [
  committee(
    "市财政局机关党委",
    [
      general("市财政局机关第一党总支", [
        branch(demoStaffUnitName, 12, { head: true, latest: "none" }),
        branch("市财政局国库科党支部", 9, { head: true, profile: "bizFirst" }),
        branch("市财政局税政科党支部", 5, { head: true }),
      ]),
      general("市财政局机关第二党总支", [
        branch("市财政局会计科党支部", 8, { head: true }),
        branch("市财政局政府采购管理科党支部", 7),
        branch("市财政局绩效评价科党支部", 6, { head: true, profile: "strong" }),
      ]),
      branch("市财政局国库支付中心党支部", 14, { fullTime: true }),
      branch("市财政局离退休干部党支部", 31, { fullTime: true }),
    ],
    { profile: "strong" },
  ),
  committee("市教育局机关党委", [
    general("市教育局机关党总支", [
      branch("市教育局基础教育科党支部", 11, { head: true, profile: "strong" }),
      branch("市教育局职业教育与成人教育科党支部", 6, { head: true }),
      branch("市教育局人事科党支部", 7, { fullTime: true }),
    ]),
    general("市教育考试院党总支", [
      branch("市教育考试院第一党支部", 16, { profile: "bizFirst" }),
      branch("市教育考试院第二党支部", 13, { head: true }),
    ]),
    branch("市教育局教育督导室党支部", 5, { head: true }),
    branch("市教育局离退休干部党支部", 35, { profile: "weak", latest: "none" }),
  ]),
  committee("市卫生健康委机关党委", [
    general("市卫生健康委机关党总支", [
      branch("市卫生健康委医政医管处党支部", 10, { head: true, profile: "bizFirst" }),
      branch("市卫生健康委疾病预防控制处党支部", 12, { head: true, profile: "strong" }),
      branch("市卫生健康委基层卫生健康处党支部", 8, { head: true }),
    ]),
    general(
      "市卫生健康监督所党总支",
      [
        branch("市卫生健康监督所第一党支部", 15, { fullTime: true, profile: "strong" }),
        branch("市卫生健康监督所第二党支部", 12),
        branch("市卫生健康监督所第三党支部", 9),
      ],
      { fullTime: true },
    ),
    branch("市卫生健康委信息中心党支部", 4, { profile: "weak" }),
    branch("市卫生健康委离退休干部党支部", 28, { fullTime: true }),
  ]),
  committee("市交通运输局机关党委", [
    general("市交通运输局机关党总支", [
      branch("市交通运输局综合规划科党支部", 7, { head: true, profile: "bizFirst" }),
      branch("市交通运输局公路管理科党支部", 9, { head: true }),
      branch("市交通运输局运输管理科党支部", 11),
    ]),
    general(
      "市交通运输综合行政执法支队党总支",
      [
        branch("市交通运输综合行政执法支队第一大队党支部", 22),
        branch("市交通运输综合行政执法支队第二大队党支部", 19),
        branch("市交通运输综合行政执法支队第三大队党支部", 17, { profile: "weak", latest: "none" }),
      ],
      { profile: "bizFirst" },
    ),
    branch("市公路事业发展中心党支部", 26, { fullTime: true }),
  ]),
  committee("市市场监管局机关党委", [
    general("市市场监管局机关党总支", [
      branch("市市场监管局登记注册科党支部", 8, { head: true, profile: "bizFirst" }),
      branch("市市场监管局食品安全抽检监测科党支部", 10, { head: true, profile: "strong" }),
      branch("市市场监管局价格监督检查和反不正当竞争科党支部", 6),
    ]),
    general("市市场监管综合行政执法支队党总支", [
      branch("市市场监管综合行政执法支队第一党支部", 18),
      branch("市市场监管综合行政执法支队第二党支部", 21, { latest: "none" }),
    ]),
    branch("市计量测试所党支部", 13, { head: true, profile: "weak" }),
    branch("市市场监管局离退休干部党支部", 24, { fullTime: true }),
  ]),
]);

/**
 * Flattens the tree in pre-order (parents before children) with ids `firstId`, `firstId+1`, …
 * and the materialised `path` (`/1/5/23/`) and `depth` (root 0).
 */
export function buildDemoTree(firstId = 1): DemoUnit[] {
  const out: DemoUnit[] = [];
  let nextId = firstId;
  const walk = (s: Spec, parent: DemoUnit | null): DemoUnit => {
    const id = nextId++;
    const unit: DemoUnit = {
      id,
      parentId: parent?.id ?? null,
      name: s.name,
      type: s.type,
      path: `${parent?.path ?? "/"}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      memberCount: s.members ?? 0,
      secretaryIsHead: s.head ?? false,
      fullTimeStaff: s.fullTime ?? false,
      ...(s.profile ? { profile: s.profile } : {}),
      ...(s.latest ? { latest: s.latest } : {}),
    };
    out.push(unit);
    for (const child of s.children ?? []) {
      const c = walk(child, unit);
      if (!s.members) unit.memberCount += c.memberCount;
    }
    return unit;
  };
  walk(spec, null);
  return out;
}
