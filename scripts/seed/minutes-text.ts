import type { MeetingType } from "~/lib/codes";

/**
 * Sentence fragments for the demo meetings' minutes (会议记录) and topics. Minutes are
 * composed per meeting from these with the unit's own names, dates and numbers, so that two
 * ordinary meetings never read alike — only the deliberately copied ones do.
 */

export type Pick = <T>(items: readonly T[]) => T;

const surnames =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const givenNames = [
  "建国",
  "晓燕",
  "志强",
  "丽娟",
  "海涛",
  "文静",
  "卫东",
  "秀英",
  "伟",
  "敏",
  "静怡",
  "国庆",
  "红梅",
  "子涵",
  "浩然",
  "雪峰",
  "春华",
  "立新",
  "佳琪",
  "明辉",
  "玉兰",
  "振宇",
  "淑芬",
  "鹏飞",
  "思远",
  "桂芳",
  "俊杰",
  "慧敏",
  "永刚",
  "小军",
];

export const personName = (pick: Pick) => `${pick([...surnames])}${pick(givenNames)}`;

export const places = [
  "党员活动室",
  "三楼会议室",
  "机关党建活动中心",
  "第二会议室",
  "支部党建园地",
  "五楼小会议室",
  "职工之家",
  "线上视频会议室",
];

export const studyDocs = [
  "《中国共产党支部工作条例（试行）》",
  "《中国共产党纪律处分条例》有关章节",
  "党的二十届四中全会精神",
  "习近平总书记关于党的建设的重要思想有关论述",
  "《关于新形势下党内政治生活的若干准则》",
  "中央八项规定及其实施细则精神",
  "《中国共产党党员教育管理工作条例》",
  "上级关于深化作风建设的通知",
  "全面从严治党主体责任清单",
  "《中国共产党问责条例》",
  "市委关于加强机关党建工作的实施意见",
  "党纪学习教育有关辅导材料",
];

const lectureTitles = [
  "坚定理想信念，筑牢信仰之基",
  "发扬斗争精神，增强斗争本领",
  "以党建引领业务高质量发展",
  "牢记初心使命，争做先锋模范",
  "严守政治纪律和政治规矩",
  "弘扬伟大建党精神",
  "锤炼过硬作风，勇于担当作为",
  "践行全心全意为人民服务的根本宗旨",
  "学思践悟新思想，奋进履职新征程",
  "从党史中汲取前进力量",
];

const committeeItems = [
  "本季度发展党员工作，同意将一名入党积极分子列为发展对象",
  "党费收缴和使用情况",
  "主题党日活动安排",
  "支委班子成员与党员谈心谈话计划",
  "党员教育培训计划",
  "困难党员和老党员走访慰问名单",
  "评先评优推荐人选",
  "上级党组织巡察反馈问题的整改方案",
  "党建与业务融合项目的推进情况",
  "意识形态工作责任制落实情况",
  "下季度“三会一课”计划",
  "党员积分管理考评结果",
];

const assemblyItems = [
  "支部上季度工作情况和本季度工作安排",
  "接收预备党员的决议",
  "预备党员转正的决议",
  "党费收缴情况",
  "支部年度党建工作计划",
  "评选优秀共产党员的推荐名单",
  "支部委员补选有关事项",
];

const points = [
  "党建工作不能只停留在开会发文上，要落到具体业务环节",
  "青年党员要在急难险重任务中主动亮身份",
  "支部要把群众反映集中的问题作为改进作风的切入点",
  "学习不能浮于表面，要联系岗位职责找差距",
  "窗口岗位党员要带头落实首问负责和限时办结",
  "党员示范岗的作用还没有充分发挥出来",
  "部分党员参加组织生活的积极性有待提高",
  "要把廉政风险防控嵌入业务流程",
  "党建和业务要同部署、同检查、同考核",
  "要通过结对帮带帮助新入职党员尽快熟悉工作",
  "对照先进找差距，在解决实际问题中检验学习成效",
  "要用好线上学习平台，但不能以线上代替线下交流",
  "要把为群众办实事的成效作为检验标准",
  "要警惕重业务轻党建的倾向",
];

const measures = [
  "每月开展一次集中学习",
  "建立党员联系群众台账",
  "在业务窗口设立党员先锋岗",
  "开展一次岗位练兵活动",
  "完善支部工作记录和档案",
  "落实谈心谈话全覆盖",
  "组织一次警示教育",
  "推行“党建+业务”项目清单管理",
  "对整改事项实行销号管理",
  "开展一次志愿服务进社区活动",
  "组织青年党员开展业务攻关",
  "每季度通报一次支部工作落实情况",
];

/**
 * What a speaker raised about the unit's own work and what they proposed: one clause each time
 * (no comma inside), with the unit's business, so that the substance of one meeting's minutes
 * is its own — the stock phrases around it are shared by every unit, as in real minutes, and
 * copy detection strips those (lib/text-similarity, the corpus-common clauses).
 */
const concerns = [
  "窗口高峰时段排队时间偏长",
  "申报材料一次性退回率偏高",
  "基层走访调研次数偏少",
  "数据报送经常滞后",
  "审批内部流转环节过多",
  "群众投诉回复不够及时",
  "新入职人员对业务规程不熟",
  "业务档案整理不够规范",
  "跨科室协同配合不够顺畅",
  "政策解读宣传不够到位",
  "工作台账更新不够及时",
  "节假日值守力量偏弱",
  "重点项目推进进度偏慢",
  "信息系统录入差错偏多",
  "对服务对象回访不够",
  "专项检查发现的问题整改偏慢",
  "内部学习培训针对性不强",
  "年轻同志承担急难任务偏少",
];

const proposals = [
  "建议实行每周调度",
  "提议由党员骨干牵头攻关",
  "建议建立问题清单逐项销号",
  "提出开展一次专题走访",
  "建议把办理时限写进岗位承诺",
  "提议设立党员责任区",
  "建议每月通报一次进展",
  "提出结对帮带新同志",
  "建议精简内部审核环节",
  "提议编写一份业务口袋书",
  "建议邀请服务对象参与评议",
  "提出与兄弟科室建立联席机制",
  "建议把整改情况纳入党员积分",
  "提议组织一次业务比武",
  "建议在下次支委会上专题研究",
  "提出先在一个窗口试点",
];

const closings = [
  "会议最后，书记要求大家把会议精神传达到每一名党员。",
  "书记强调，要把学习成果转化为推动工作的实际成效。",
  "会议要求各党小组抓好落实，下次会议通报进展。",
  "会议在热烈的讨论中结束。",
  "书记对下一阶段工作作了部署，要求按时间节点推进。",
  "与会党员表示将以实际行动抓好落实。",
];

export const topics: Record<MeetingType, readonly string[]> = {
  branch_assembly: [
    "支部党员大会：通报工作、表决事项",
    "支部党员大会：接收预备党员",
    "支部党员大会：总结本季度工作",
    "支部党员大会：评议党员积分",
  ],
  committee: [
    "支委会：研究发展党员和党费工作",
    "支委会：研究主题党日安排",
    "支委会：研究整改方案",
    "支委会：研究教育培训计划",
    "支委会：分析党员思想动态",
  ],
  group: [
    "党小组学习：支部工作条例",
    "党小组学习：二十届四中全会精神",
    "党小组学习：作风建设",
    "党小组学习：党纪学习教育",
    "党小组学习：岗位建功讨论",
  ],
  party_lecture: lectureTitles.map((t) => `专题党课：${t}`),
  org_life: ["年度组织生活会", "专题组织生活会：对照检查、批评与自我批评", "组织生活会：检视问题、明确整改"],
  democratic_life: ["领导班子专题民主生活会", "领导班子年度民主生活会"],
  member_review: ["民主评议党员", "年度民主评议党员工作"],
};

const cnDate = (date: string) => {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

export type MinutesFacts = {
  type: MeetingType;
  date: string;
  topic: string;
  unitName: string;
  secretary: string;
  expected: number;
  present: number;
  criticalOpinions: number;
  rectificationItems: number;
  solicitedOpinions: boolean;
  /** Business words of the unit (预算, 教育考试 …) so discussion sounds like this unit's. */
  business: string;
  /** Full minutes (about 250–450 characters) or a thin one (about 100). */
  thin: boolean;
};

/** Composes one meeting's minutes from the fragments above. */
export function composeMinutes(f: MinutesFacts, pick: Pick, chance: (p: number) => boolean): string {
  const parts: string[] = [];
  const verb = f.type === "party_lecture" ? "组织" : "召开";
  parts.push(
    `${cnDate(f.date)}，${f.unitName}在${pick(places)}${verb}${meetingNoun[f.type]}，应到${f.expected}人，实到${f.present}人，${f.secretary}同志主持。`,
  );
  switch (f.type) {
    case "group":
      parts.push(`会议集中学习了${pick(studyDocs)}，${personName(pick)}领学了重点内容。`);
      break;
    case "committee":
      parts.push(`会议研究了${pick(committeeItems)}；还研究了${pick(committeeItems)}。`);
      break;
    case "branch_assembly":
      parts.push(`会议通报了${pick(assemblyItems)}，并审议了${pick(assemblyItems)}。`);
      break;
    case "party_lecture":
      parts.push(`${f.secretary}以“${f.topic.replace(/^专题党课：/, "")}”为题讲授专题党课，结合${f.business}工作实际讲了三点体会。`);
      break;
    case "member_review":
      parts.push(
        `参加评议党员${f.present}名，经个人自评、党员互评和民主测评，评定优秀${Math.max(1, Math.round(f.present / 5))}名，其余均为合格。`,
      );
      break;
    default:
      if (f.solicitedOpinions) parts.push(`会前通过谈心谈话和征求意见表共收集意见建议${f.criticalOpinions + f.rectificationItems + 3}条。`);
      parts.push(
        `${f.secretary}代表${f.type === "democratic_life" ? "领导班子" : "支委会"}作对照检查，${f.criticalOpinions > 0 ? `与会同志逐一开展批评和自我批评，共提出批评意见${f.criticalOpinions}条。` : "与会同志逐一发言，主要谈了学习体会和工作打算。"}`,
      );
      if (f.criticalOpinions > 0)
        parts.push(
          `${personName(pick)}指出${f.secretary}同志在${pick(["理论学习", "联系群众", "抓党建责任落实", "谈心谈话", "落实整改"])}方面还有差距，${f.secretary}同志表示诚恳接受。`,
        );
  }
  const discussions = f.thin ? 1 : 2 + (chance(0.5) ? 1 : 0);
  for (let i = 0; i < discussions; i++) {
    parts.push(`${personName(pick)}结合${f.business}工作发言，认为${pick(points)}。`);
  }
  const raised = f.thin ? 1 : 3 + (chance(0.5) ? 1 : 0);
  for (let i = 0; i < raised; i++) parts.push(`${personName(pick)}谈到${f.business}${pick(concerns)}${pick(proposals)}。`);
  if (!f.thin) {
    const n = Math.max(1, Math.min(3, f.rectificationItems || 2));
    const chosen = new Set<string>();
    while (chosen.size < n) chosen.add(pick(measures));
    parts.push(`会议明确${f.rectificationItems > 0 ? `整改事项${f.rectificationItems}项` : "下一步工作措施"}：${[...chosen].join("，")}。`);
    parts.push(pick(closings));
  }
  return parts.join("");
}

const meetingNoun: Record<MeetingType, string> = {
  branch_assembly: "支部党员大会",
  committee: "支部委员会会议",
  group: "党小组会",
  party_lecture: "专题党课",
  org_life: "组织生活会",
  democratic_life: "领导班子民主生活会",
  member_review: "民主评议党员大会",
};

/** A lazily copied record: the same minutes with the date and a few words changed. */
export function copyMinutes(source: string, newDate: string, unitName: string): string {
  return source
    .replace(/^\d{4}年\d{1,2}月\d{1,2}日/, cnDate(newDate))
    .replace(/^([^，]+，)[^在]+在/, `$1${unitName}在`)
    .replace("会议集中学习", "会议认真学习")
    .replace("会议明确", "会议确定");
}
