import { describe, expect, it } from "vitest";
import { copyBands, copyRules, isCopied, textFingerprint, textSimilarity } from "~/lib/text-similarity";
import { copyCorpus } from "./fixtures/copy-corpus";

const { originals, pairs } = copyCorpus();

describe("copy detection (the labelled set)", () => {
  it("has enough originals, disguised copies (alone and combined) and honest pairs", () => {
    expect(originals.length).toBeGreaterThanOrEqual(40);
    expect(pairs.filter((p) => p.copied && p.how.split("+").length >= 3).length).toBeGreaterThanOrEqual(80);
    expect(pairs.filter((p) => !p.copied).length).toBeGreaterThanOrEqual(40);
  });

  it("flags disguised copies and not honest texts sharing the official opening: precision and recall ≥ 0.9", () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const missed = new Map<string, number>();
    const scores = { copied: [] as number[], honest: [] as number[] };
    for (const p of pairs) {
      const s = textSimilarity(p.a.text, p.b.text);
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
      `copy detection: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (n=${pairs.length}: ${tp + fn} copies, ${pairs.length - tp - fn} honest pairs; ` +
        `copies min ${q(scores.copied, 0)} p5 ${q(scores.copied, 0.05)}, honest p95 ${q(scores.honest, 0.95)} max ${q(scores.honest, 1)}; missed ${JSON.stringify(Object.fromEntries(missed))})`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

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
