import { describe, expect, it } from "vitest";
import { minutesFingerprint } from "~/lib/scoring/minutes-fingerprint";

/** pg_trgm's similarity, reimplemented for plain ASCII words: shared trigrams / all distinct trigrams. */
function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const word of s.split(/\s+/).filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}
function similarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  const shared = [...ta].filter((t) => tb.has(t)).length;
  return shared / (ta.size + tb.size - shared);
}

const minutes =
  "会议由支部书记主持，传达学习了上级关于加强预算绩效管理的文件精神。与会党员逐一发言，围绕如何在业务工作中体现党员担当进行了讨论，会议确定三项整改措施。";
const other =
  "支部组织党员到结对社区开展志愿服务，为老年居民讲解医保报销政策、帮助办理线上业务。活动结束后召开小结会，建议把志愿服务常态化。";

describe("minutesFingerprint", () => {
  it("turns Chinese text into ASCII, three characters per character, keeping runs as words", () => {
    const fp = minutesFingerprint("党建，工作");
    expect(fp).toMatch(/^[0-9a-z ]+$/);
    expect(fp.split(" ").map((w) => w.length)).toEqual([6, 6]);
  });

  it("ignores punctuation, width and case, so trivially altered copies match exactly", () => {
    expect(minutesFingerprint("党建 ABC１２３。")).toBe(minutesFingerprint("党建，abc123"));
    expect(minutesFingerprint("")).toBe("");
    expect(minutesFingerprint("。，！")).toBe("");
  });

  it("makes near-copies similar and unrelated minutes dissimilar under trigram similarity", () => {
    const copy = minutes.replace("会议", "本次会议").replace("三项", "四项");
    expect(similarity(minutesFingerprint(minutes), minutesFingerprint(copy))).toBeGreaterThan(0.8);
    expect(similarity(minutesFingerprint(minutes), minutesFingerprint(other))).toBeLessThan(0.2);
  });
});
