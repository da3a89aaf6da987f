import type { Rng } from "~/scripts/seed/scale/rng";
import { personName, studyDocs } from "~/scripts/seed/minutes-text";

/**
 * Sentence fragments for the demo duty reports (书记抓党建述职报告) and the superior's comments
 * (点评). Every report opens with the same long official paragraph, as real ones do; the
 * substance — what was done, the problems, the plans — is drawn per unit with its own business,
 * names and numbers, so that honest reports never read alike and only the planted copies do.
 */

export type DutyFacts = {
  year: number;
  unitName: string;
  business: string;
  secretary: string;
  members: number;
  /** 0–1: how well the unit did on Party building this year (the draws lean on it). */
  strength: number;
};

/** The opening every unit writes (only the year differs). */
export const dutyOpening = (year: number) =>
  `根据市直机关工委《关于开展${year}年度基层党组织书记抓党建工作述职评议考核的通知》要求，现将本人${year}年度履行全面从严治党主体责任和抓基层党建工作第一责任人职责情况报告如下。` +
  `一年来，本人坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大和二十届历次全会精神，全面贯彻新时代党的建设总要求和新时代党的组织路线，` +
  `认真落实全面从严治党主体责任，牢固树立“抓好党建是最大政绩”的理念，坚持党建工作与业务工作同谋划、同部署、同推进、同考核，推动机关党建工作质量不断提升。`;

type Line = (f: DutyFacts, rng: Rng) => string;

const done: Line[] = [
  (f, r) => `全年主持召开支委会${r.int(8, 14)}次，专题研究党建工作${r.int(3, 6)}次，把${f.business}重点任务与党建工作一并部署。`,
  (f, r) =>
    `带头讲专题党课${r.int(1, 3)}次，围绕“${r.pick(["以党建引领" + f.business + "高质量发展", "坚定理想信念、勇于担当作为", "严守纪律规矩、锤炼过硬作风"])}”结合岗位实际谈体会。`,
  (f, r) => `组织集中学习${r.int(10, 24)}次，重点学习了${r.pick(studyDocs)}，党员参学率达到${r.int(85, 100)}%。`,
  (f, r) => `与班子成员和党员谈心谈话${r.int(f.members, f.members * 2 + 6)}人次，及时掌握党员思想动态，帮助解决实际困难${r.int(2, 9)}件。`,
  (f, r) => `在${f.business}窗口和一线岗位设立党员先锋岗${r.int(2, 6)}个，${personName(r.pick)}等同志在急难险重任务中发挥了带头作用。`,
  (f, r) => `推行“党建+${f.business}”项目清单管理，确定融合项目${r.int(2, 5)}项，按季度调度推进，已完成${r.int(1, 3)}项。`,
  (f, r) => `规范发展党员工作，全年确定入党积极分子${r.int(1, 4)}名、发展对象${r.int(0, 2)}名，严格履行发展程序。`,
  (f, r) => `按期召开组织生活会，会前征求意见建议${r.int(6, 20)}条，班子成员之间开展批评和自我批评，查摆问题${r.int(4, 12)}个并逐项整改。`,
  (f, r) => `落实党费收缴和使用管理规定，全年党费按月足额收缴，开展困难党员和老党员走访慰问${r.int(3, 12)}人次。`,
  (f, r) =>
    `组织党员赴${r.pick(["市革命烈士纪念馆", "红色教育基地", "廉政教育基地", "党史纪念馆"])}开展主题党日活动${r.int(2, 5)}次，增强了党员的身份意识。`,
  (f, r) => `把廉政风险防控嵌入${f.business}业务流程，梳理风险点${r.int(6, 18)}个，制定防控措施${r.int(8, 24)}条。`,
  (f, r) => `坚持“第一议题”制度，全年在支委会和科务会上传达学习上级重要会议和文件精神${r.int(12, 30)}次。`,
  (f, r) => `组建青年党员突击队，围绕${f.business}难点问题开展攻关${r.int(1, 4)}项，形成工作成果${r.int(1, 3)}项。`,
  (f, r) => `开展“我为群众办实事”实践活动，收集群众反映问题${r.int(5, 30)}个，已办结${r.int(4, 26)}个。`,
  (f, r) =>
    `针对${f.business}工作中群众反映集中的${r.pick(["办事效率", "服务态度", "政策解读", "流程繁琐"])}问题，支部牵头梳理流程${r.int(3, 9)}项，平均办理时限缩短${r.int(10, 40)}%。`,
  (f, r) =>
    `落实支委班子成员联系党小组制度，${personName(r.pick)}、${personName(r.pick)}两名委员分别联系${r.int(2, 4)}个党小组，每月听取一次情况汇报。`,
  (f, r) => `推行党员积分管理，全年评出积分优秀党员${r.int(2, 6)}名，对${r.int(1, 3)}名积分靠后的党员进行了提醒谈话。`,
  (f, r) =>
    `完成支部换届选举，选优配强支委班子，新任${r.pick(["组织委员", "宣传委员", "纪检委员"])}${personName(r.pick)}同志具有${r.int(3, 12)}年党务工作经历。`,
  (f, r) => `结合${f.business}年度重点任务，开展“亮身份、比贡献”岗位建功活动，党员牵头完成急难任务${r.int(3, 15)}件。`,
  (f, r) => `整理完善支部工作档案${r.int(6, 20)}卷，“三会一课”记录、党员发展材料做到按年归档、有据可查。`,
];

const problems: Line[] = [
  (f) => `对党建工作的重要性认识还不够到位，有时存在重${f.business}轻党建的倾向，研究部署党建工作的精力不足。`,
  () => `理论学习的系统性不强，学用结合不够紧密，用党的创新理论指导实践的能力还需提高。`,
  (f) => `党建与${f.business}工作融合的抓手不多，个别项目停留在计划层面，“两张皮”问题尚未根本解决。`,
  () => `组织生活质量有待提升，部分会议以传达文件代替讨论，批评与自我批评辣味不足。`,
  () => `对党员的日常教育管理还不够精细，个别党员参加组织生活的积极性不高。`,
  () => `支部书记兼职较多，抓党建的时间精力有限，党务干部业务能力还需加强。`,
  () => `党建工作记录和档案管理不够规范，部分工作留痕不全。`,
  () => `对上年度点评指出问题的整改还不够彻底，个别整改事项进度滞后。`,
  () => `创新党建工作方法的意识不强，活动形式较为单一，对青年党员的吸引力不够。`,
  () => `落实一岗双责不够到位，对班子成员抓分管领域党建工作督促检查不多。`,
  (f) => `在${f.business}任务繁重时，个别“三会一课”未能按计划召开，存在事后补记的现象。`,
  () => `发展党员工作后劲不足，青年骨干中入党积极分子偏少。`,
  () => `党员先锋岗、示范岗的评价激励办法不够完善，作用发挥不平衡。`,
  () => `谈心谈话多停留在工作层面，对党员思想动态的分析研判不够深入。`,
];

const plans: Line[] = [
  (f) => `坚持把党的政治建设摆在首位，每季度至少专题研究一次党建工作，推动党建与${f.business}工作同部署、同考核。`,
  (f, r) => `书记带头讲党课、带头联系群众，全年讲党课不少于${r.int(2, 4)}次，谈心谈话覆盖全体党员。`,
  () => `严格落实“三会一课”制度，提高组织生活质量，杜绝季度末集中补开会议。`,
  (f) => `深化“党建+${f.business}”融合项目，建立项目台账，按季度通报进展。`,
  () => `加强党务干部培训，配齐配强支部委员，提升党务工作规范化水平。`,
  () => `对照上年度点评和本年度查摆的问题建立整改清单，实行销号管理，确保按期整改到位。`,
  () => `落实一岗双责，定期听取班子成员抓分管领域党建工作情况汇报。`,
  (f, r) => `用好线上学习平台和红色教育资源，每年组织主题党日活动不少于${r.int(4, 6)}次。`,
  () => `加强党员日常教育管理，推行党员积分管理，激发党员干事创业的积极性。`,
  (f) => `围绕${f.business}重点难点组建党员攻关小组，以解决实际问题的成效检验党建工作成效。`,
  (f, r) => `做好发展党员工作，计划培养入党积极分子${r.int(1, 3)}名，注重从业务骨干中发展党员。`,
  () => `规范支部工作记录和档案管理，做到工作有计划、过程有记录、结果有检查。`,
  () => `完善党员先锋岗评价办法，每半年开展一次评比，对表现突出的党员予以表扬。`,
];

const ordinal = ["一是", "二是", "三是", "四是", "五是", "六是", "七是"];

function draw(rng: Rng, lines: Line[], n: number, f: DutyFacts): string[] {
  const order = lines.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, n).map((i) => lines[i]!(f, rng));
}

/** A duty report of about 800–1100 characters: the common opening, then this unit's own substance. */
export function composeDutyReport(f: DutyFacts, rng: Rng): string {
  const did = draw(rng, done, f.strength > 0.7 ? 6 : f.strength > 0.45 ? 5 : 4, f);
  const weak = draw(rng, problems, f.strength > 0.7 ? 2 : 3, f);
  const next = draw(rng, plans, rng.int(3, 4), f);
  return [
    dutyOpening(f.year),
    `一、履行第一责任人职责情况。${did.map((s, i) => `${ordinal[i]}${s}`).join("")}`,
    `二、存在的问题。${weak.map((s, i) => `${ordinal[i]}${s}`).join("")}`,
    `三、下一步打算。${next.map((s, i) => `${ordinal[i]}${s}`).join("")}`,
    `以上报告，请予审议。述职人：${f.secretary}。`,
  ].join("\n");
}

/**
 * A lazily recycled report: another year's text with the year moved on and a few numbers
 * changed — what a unit writes when it copies its own last report.
 */
export function nearCopy(text: string, fromYear: number, toYear: number): string {
  let k = 0;
  return text
    .replaceAll(String(fromYear), String(toYear))
    .replace(/(\d+)(次|人次|个)/g, (m, n: string, unit: string) => (k++ % 3 === 0 ? `${Number(n) + 1}${unit}` : m));
}

/** Words a copier swaps to hide a copy (synonyms of the official register). */
const synonyms: [string, string][] = [
  ["按期召开", "按时召开"],
  ["重点学习了", "认真学习了"],
  ["增强了", "进一步增强了"],
  ["还需提高", "有待提升"],
  ["不够到位", "还不到位"],
  ["深化", "深入推进"],
  ["建立", "建好"],
  ["及时掌握", "动态掌握"],
];

/**
 * A disguised copy of another unit's report: that unit's business, names and numbers replaced
 * with this one's, some words swapped for synonyms, the sentences of each section in another
 * order, one sentence dropped and one inserted.
 */
export function disguisedCopy(text: string, source: DutyFacts, mine: DutyFacts, rng: Rng): string {
  const [opening, ...sections] = text.split("\n");
  const body = sections
    .join("\n")
    .replaceAll(source.business, mine.business)
    .replaceAll(source.secretary, mine.secretary)
    .replace(/\d+(?=次|人次|个|项|名|%)/g, (n) => String(Math.max(1, Number(n) + rng.int(-2, 3))));
  const swapped = synonyms.reduce((t, [a, b]) => t.replaceAll(a, b), body);
  const rewritten = swapped.split("\n").map((para, i) => {
    const m = /^([一二三]、[^。]+。)(.*)$/.exec(para);
    if (!m) return para;
    const sentences = m[2]!
      .split(/(?<=。)/)
      .filter(Boolean)
      .map((s) => s.replace(/^[一二三四五六七]是/, ""));
    sentences.reverse();
    if (i === 0) {
      sentences.splice(sentences.length - 1, 1);
      sentences.splice(1, 0, `结合${mine.business}工作实际，制定支部年度党建工作要点和责任清单，明确了每名班子成员的任务分工。`);
    }
    return m[1]! + sentences.map((s, k) => `${ordinal[k] ?? ""}${s}`).join("");
  });
  return [opening, ...rewritten].join("\n");
}

// ── The superior's comment (点评) and its rectification items ─────────────────────────────

const praise = [
  "能够履行抓党建第一责任人职责，班子成员一岗双责落实较好",
  "组织生活规范，三会一课按期召开，会议记录完整",
  "党建与业务融合有特色，党员先锋岗作用发挥明显",
  "注重党员教育管理，谈心谈话覆盖面广",
  "整改上年度问题态度端正，措施具体",
];
const criticism = [
  "党建工作在单位考核中的分量偏轻，业务工作挤占组织生活的问题仍然存在",
  "组织生活会批评与自我批评不够深入，查摆问题不够具体",
  "三会一课存在季度末集中召开的现象",
  "述职报告对存在问题分析不深，整改措施针对性不强",
  "党务干部力量薄弱，工作档案不够规范",
  "书记抓党建的精力投入不足，党课未结合本单位实际",
];

export const itemPool = [
  "严格落实“三会一课”制度，杜绝季度末集中补开会议",
  "书记每半年至少讲一次结合本单位业务实际的专题党课",
  "提高党建工作在本单位年度考核中的权重，不低于30%",
  "规范组织生活会会前征求意见和会上批评与自我批评",
  "建立党建与业务融合项目清单，按季度报送推进情况",
  "配齐配强支部委员，组织党务干部参加专题培训",
  "完善党员发展和教育管理工作台账，做到全程留痕",
  "落实谈心谈话制度，书记与每名党员至少谈心一次",
  "制定一岗双责责任清单，班子成员每季度报告分管领域党建情况",
];

/** The comment's text: the assessment, one strength and one or two problems, weighed by how the unit did. */
export function composeComment(f: DutyFacts, rng: Rng): string {
  const good = draw(
    rng,
    praise.map((p) => () => p),
    f.strength > 0.7 ? 2 : 1,
    f,
  );
  const bad = draw(
    rng,
    criticism.map((c) => () => c),
    f.strength > 0.7 ? 1 : 2,
    f,
  );
  const verdict = f.strength > 0.75 ? "总体较好" : f.strength > 0.5 ? "总体一般，仍有差距" : "差距明显，需要加强";
  return `${f.secretary}同志${f.year}年度抓党建工作${verdict}。${good.join("；")}。存在的主要问题：${bad.join("；")}。请对照下列事项抓好整改，并在下年度述职中逐项报告整改情况。`;
}

const evidenceDone = [
  "已制定整改方案并报机关党委备案，相关制度已印发执行。",
  "已按要求完成，会议记录和签到表已归档备查。",
  "已落实，上半年已完成，有关材料已报上级党组织。",
];
const evidenceOpen = ["正在推进，受业务工作影响进度滞后，计划下季度完成。", "已制定计划，尚未全部落实。"];

/** The evidence a duty report gives for one of last year's items. */
export const answerEvidence = (doneItem: boolean, rng: Rng) => rng.pick(doneItem ? evidenceDone : evidenceOpen);
