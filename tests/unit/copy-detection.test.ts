import { describe, expect, it } from "vitest";
import { commonClauseUnits, commonSentences, copyBands, copyRules, isCopied, textFingerprint, textSimilarity } from "~/lib/text-similarity";
import { copyCorpus } from "./fixtures/copy-corpus";

const { originals, pairs } = copyCorpus();

describe("copy detection (the labelled set)", () => {
  it("has enough originals, disguised copies (alone and combined) and honest pairs", () => {
    expect(originals.length).toBeGreaterThanOrEqual(40);
    expect(pairs.filter((p) => p.copied && p.how.split("+").length >= 3).length).toBeGreaterThanOrEqual(80);
    expect(pairs.filter((p) => !p.copied).length).toBeGreaterThanOrEqual(40);
  });

  // The corpus-common clauses of the labelled set by the app's rule (copyRules.common over its units).
  const units = new Set(originals.map((d) => d.unit)).size;
  const corpus = commonSentences(
    originals.map((d) => ({ group: d.unit, text: d.text })),
    commonClauseUnits(units),
  );

  it.each([
    ["without a corpus", undefined],
    ["with the corpus-common clauses", corpus],
  ] as const)(
    "flags disguised copies and not honest texts sharing the official opening (%s): precision and recall ≥ 0.9",
    (label, common) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      const missed = new Map<string, number>();
      const scores = { copied: [] as number[], honest: [] as number[] };
      for (const p of pairs) {
        const s = textSimilarity(p.a.text, p.b.text, common);
        scores[p.copied ? "copied" : "honest"].push(s);
        const flagged = isCopied(s);
        if (flagged && p.copied) tp += 1;
        else if (flagged) fp += 1;
        else if (p.copied) {
          fn += 1;
          missed.set(p.how, (missed.get(p.how) ?? 0) + 1);
        }
      }
      const precision = tp / (tp + fp);
      const recall = tp / (tp + fn);
      const q = (xs: number[], f: number) => xs.sort((a, b) => a - b)[Math.floor(f * (xs.length - 1))]!.toFixed(2);
      console.log(
        `copy detection ${label} (${common?.size ?? 0} common clauses): precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (n=${pairs.length}: ${tp + fn} copies, ${pairs.length - tp - fn} honest pairs; ` +
          `copies min ${q(scores.copied, 0)} p5 ${q(scores.copied, 0.05)}, honest p95 ${q(scores.honest, 0.95)} max ${q(scores.honest, 1)}; missed ${JSON.stringify(Object.fromEntries(missed))})`,
      );
      expect(precision).toBeGreaterThanOrEqual(0.9);
      expect(recall).toBeGreaterThanOrEqual(0.9);
    },
  );

  it("finds the copies through the band index: a copy shares a MinHash band with its original", () => {
    const copies = pairs.filter((p) => p.copied && isCopied(textSimilarity(p.a.text, p.b.text)));
    const found = copies.filter((p) => {
      const a = new Set(copyBands(textFingerprint(p.a.text)));
      return copyBands(textFingerprint(p.b.text)).some((b) => a.has(b));
    });
    const honest = pairs.filter((p) => !p.copied);
    const probed = honest.filter((p) => {
      const a = new Set(copyBands(textFingerprint(p.a.text)));
      return copyBands(textFingerprint(p.b.text)).some((b) => a.has(b));
    });
    console.log(
      `copy detection bands: ${found.length}/${copies.length} flagged copies are candidates; ${probed.length}/${honest.length} honest pairs probed`,
    );
    expect(found.length / copies.length).toBeGreaterThanOrEqual(0.97);
  });
});

describe("the normal form", () => {
  it("maps numbers, names, unit names and synonyms out, and drops the standard opening", () => {
    const a =
      "根据上级党委关于开展党组织书记抓基层党建工作述职评议考核的通知要求，现将本人履行基层党建工作第一责任人职责情况报告如下。全年主持召开支委会12次，王建国同志认真开展谈心谈话。";
    const b =
      "根据上级党委关于开展党组织书记抓基层党建工作述职评议考核的通知要求，现将本人履行基层党建工作第一责任人职责情况报告如下。全年主持举行支委会十五次，李敏同志扎实组织谈心谈话。";
    expect(textFingerprint(a)).toBe(textFingerprint(b));
    expect(textFingerprint(a)).toBe("全年主持召开支委会#次\n@同志认真开展谈心谈话");
  });

  it("scores a text too thin to compare 0, and gives it no bands", () => {
    expect(textSimilarity("会议在热烈的讨论中结束。", "会议在热烈的讨论中结束。")).toBe(0);
    expect(copyBands(textFingerprint("会议在热烈的讨论中结束。"))).toEqual([]);
    expect(copyBands(textFingerprint(originals[0]!.text))).toHaveLength(copyRules.bands);
  });
});

describe("the corpus-common clauses", () => {
  const a = "全年主持召开支委会十二次。围绕预算审核开展专题调研三次。建立预算绩效问题清单逐项销号。会议在热烈的讨论中结束。";
  const stock = [
    "窗口岗位党员要带头落实首问负责和限时办结",
    "要把廉政风险防控嵌入业务流程",
    "要用好线上学习平台",
    "对照先进找差距",
    "在解决实际问题中检验学习成效",
    "青年党员要在急难险重任务中主动亮身份",
  ];
  it("excuse a resemblance made of stock phrases, never make one", () => {
    const x = `${stock.join("。")}。王伟谈到预算审批内部流转环节过多建议每月通报进展。`;
    const y = `${stock.join("。")}。李敏谈到预算审批时限偏长建议精简环节。`;
    const common = new Set(stock.map((s) => textFingerprint(s)));
    expect(textSimilarity(x, y)).toBeGreaterThanOrEqual(copyRules.threshold);
    expect(textSimilarity(x, y, common)).toBeLessThan(copyRules.threshold);
    // Two texts whose whole substance differs stay apart however alike their uncommon remainder is.
    const p = `${a}${stock[0]}。`;
    const q = `全年主持召开支委会十二次。${stock.slice(1).join("。")}。`;
    const rest = new Set([textFingerprint(stock[0]!), ...stock.slice(1).map((s) => textFingerprint(s))]);
    expect(textSimilarity(p, q, rest)).toBeLessThanOrEqual(textSimilarity(p, q));
  });
  it("are those in enough units' texts, by the rule over all units", () => {
    expect(commonClauseUnits(10)).toBe(copyRules.common.minUnits);
    expect(commonClauseUnits(53)).toBe(27);
    const docs = Array.from({ length: 30 }, (_, i) => ({
      group: i % 10,
      text: `${stock[0]}。第${i}号单位自己的话${"甲乙丙丁戊"[i % 5]}。`,
    }));
    expect(commonSentences(docs, commonClauseUnits(10))).toEqual(new Set([textFingerprint(stock[0]!)]));
  });
});
