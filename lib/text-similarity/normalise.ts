/**
 * The normal form copy detection compares (lib/text-similarity): what a copier changes to
 * disguise a copy — numbers, dates, people's and units' names, the officialese synonyms, the
 * punctuation — is mapped out, so that only the wording of the substance is left.
 */

/** Common surnames (the demo's and the usual ones): a name is a surname and one or two characters before a cue. */
const surnames =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
/** What follows a person's name in minutes and reports (王建国同志主持, 李敏领学, 张伟结合…发言). */
const nameCues = "同志|领学|结合|指出|代表|主持|表示|书记|发言|作|谈|提出|认为|带头|讲授|汇报";
const personName = new RegExp(`[${surnames}][\\p{Script=Han}]{1,2}?(?=${nameCues})`, "gu");

/** A unit's name: a run of characters ending in its Party organisation (市财政局预算科党支部). */
const unitName = /[\p{Script=Han}]{0,14}?(?:党支部|党总支|党委|党组|支部委员会)(?!书记|委员|会议|班子|员)/gu;

/** Numbers in digits or Chinese numerals before a counter (三项, 十二名, 2025年). */
const numbers = /[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+(?=[名人项条次个点位月年日号届批份件])/gu;

/**
 * Officialese a copier swaps for its synonym, each mapped to one form (the first). Longer
 * phrases first, so that a phrase is never split by a shorter entry.
 */
export const synonyms: readonly (readonly string[])[] = [
  ["开展", "组织", "举办", "组织开展"],
  ["认真", "扎实", "切实", "深入", "认认真真"],
  ["明确", "确定", "确立"],
  ["召开", "举行"],
  ["强调", "要求"],
  ["提高", "提升", "增强"],
  ["加强", "强化"],
  ["落实", "落细", "抓好", "推进"],
  ["进一步", "更加"],
  ["措施", "举措"],
  ["不足", "短板", "差距"],
  ["情况", "状况"],
  ["大家", "与会同志", "与会党员", "同志们"],
  ["学习", "研学", "学习研讨"],
];

const synonymList = synonyms
  .flatMap((group) => group.slice(1).map((word) => [word, group[0]!] as const))
  .sort((a, b) => b[0].length - a[0].length);
const synonymPattern = new RegExp(synonymList.map(([w]) => w).join("|"), "gu");
const synonymOf = new Map(synonymList);

/**
 * Where a text is cut into the pieces compared: sentence ends (。！？；, line breaks) and clause
 * breaks (，：), also in their ASCII forms after NFKC. Clauses, because the official stock
 * phrases every unit writes are clauses (“现将……报告如下”, “与会同志逐一开展批评和自我批评”).
 */
const sentenceEnd = /[。！？；!?;\n\r，,：:]+/u;

/** Everything that is not a letter, a digit or a placeholder goes (punctuation, spaces, quotes). */
const noise = /[^\p{L}\p{N}#@]+/gu;

/** One sentence in normal form: names → @, numbers → #, units → @, synonyms to one form, no punctuation. */
export function normaliseSentence(sentence: string): string {
  return sentence
    .replace(numbers, "#")
    .replace(unitName, "@")
    .replace(personName, "@")
    .replace(synonymPattern, (w) => synonymOf.get(w) ?? w)
    .replace(noise, "");
}

/** The text's sentences in normal form (empty ones dropped). */
export function normalisedSentences(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .split(sentenceEnd)
    .map(normaliseSentence)
    .filter((s) => s.length > 0);
}
