import { normalisedSentences } from "./normalise";

/**
 * The standard official sentences every unit writes (the opening that cites the higher-level
 * documents, the heading of minutes, the closing pledges): they say nothing about the unit, so
 * two honest texts sharing them are not alike. A sentence is boilerplate when it is (nearly)
 * one of these, or matches one of the patterns; `commonSentences` adds those a corpus shows to
 * be common (in many units' texts).
 */
export const standardSentences: readonly string[] = [
  // Openings of 述职报告 and 会议记录.
  "根据上级党委关于开展党组织书记抓基层党建工作述职评议考核的通知要求，现将本人履行基层党建工作第一责任人职责情况报告如下",
  "根据市委组织部关于做好年度党组织书记抓基层党建工作述职评议考核工作的通知精神，现将一年来抓党建工作情况述职如下",
  "按照市委组织部统一部署，现将本人一年来履行党建工作第一责任人职责情况报告如下，请予评议",
  "一年来，在上级党委的坚强领导下，我坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届历次全会精神，认真落实新时代党的建设总要求和新时代党的组织路线",
  "始终牢记抓好党建是最大的政绩，坚持党建工作和业务工作同谋划、同部署、同推进、同考核，认真履行党建工作第一责任人职责，推动全面从严治党向基层延伸",
  "为深入学习贯彻习近平新时代中国特色社会主义思想和党的二十大精神，认真落实全面从严治党要求，进一步加强支部标准化规范化建设，推动党建工作与业务工作深度融合",
  "会议深入学习贯彻习近平新时代中国特色社会主义思想，认真落实新时代党的建设总要求，按照“三会一课”制度要求召开",
  "会议以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大精神和上级党委工作部署",
  // Closings.
  "以上述职，请予评议",
  "以上报告，请各位评议",
  "以上是我的述职报告，不妥之处，请批评指正",
  "在新的一年里，我将以更加饱满的热情、更加务实的作风，团结带领支部全体党员，为推动各项工作高质量发展作出新的更大贡献",
  "下一步，我将继续坚持以习近平新时代中国特色社会主义思想为指导，认真履行党建工作第一责任人职责，推动全面从严治党各项要求落到实处",
  "会议在热烈的讨论中结束",
  // The procedure sentences of 组织生活会 and 民主生活会 minutes.
  "会前通过谈心谈话和征求意见表共收集意见建议#条",
  "代表支委会作对照检查，代表领导班子作对照检查，支委会作对照检查，领导班子作对照检查",
  "与会同志逐一开展批评和自我批评，共提出批评意见#条",
  "与会同志逐一发言，主要谈了学习体会和工作打算",
  "同志表示诚恳接受",
  "会议最后，书记要求大家把会议精神传达到每一名党员",
  "书记强调，要把学习成果转化为推动工作的实际成效",
  "与会党员表示将以实际行动抓好落实",
  "会议要求各党小组抓好落实，下次会议通报进展",
  "书记对下一阶段工作作了部署，要求按时间节点推进",
];

/** Boilerplate by shape: the heading line of minutes (date, place, attendance, who chaired). */
const patterns: readonly RegExp[] = [
  /^#年#月#日/u,
  /^应到#人$/u,
  /^实到#人$/u,
  /^@(同志)?主持$/u,
  /^@代表(支委会|领导班子)作对照检查$/u,
  /^@同志表示诚恳接受$/u,
];

const standard = new Set(standardSentences.flatMap(normalisedSentences));

/** Whether a normalised sentence is boilerplate (the standard list, its shapes, or `common`). */
export function isBoilerplate(sentence: string, common?: ReadonlySet<string>): boolean {
  return standard.has(sentence) || patterns.some((p) => p.test(sentence)) || (common?.has(sentence) ?? false);
}
