import { describe, expect, it } from "vitest";
import { localiseMessage } from "~/lib/localise-message";

describe("localiseMessage", () => {
  const msg = "「书记讲党课次数」须填写数字（must be a number）";

  it("keeps both languages when the caller's language is unknown", () => {
    expect(localiseMessage(msg, undefined)).toBe(msg);
  });

  it("keeps only the Chinese for a Chinese UI and only the English for an English one", () => {
    expect(localiseMessage(msg, "zh-CN")).toBe("「书记讲党课次数」须填写数字");
    expect(localiseMessage(msg, "en")).toBe("Must be a number");
  });

  it("takes the last parenthesis as the English, keeping Chinese ones inside the sentence", () => {
    const stale = "该报表已被张三于 2026/11/26 保存（版本 2），请查看最新数据后再修改（someone else saved this report at 2026-11-26）";
    expect(localiseMessage(stale, "zh-CN")).toBe("该报表已被张三于 2026/11/26 保存（版本 2），请查看最新数据后再修改");
    expect(localiseMessage(stale, "en")).toBe("Someone else saved this report at 2026-11-26");
  });

  it("leaves messages without an English half alone", () => {
    expect(localiseMessage("输入有误：数量须为整数", "en")).toBe("输入有误：数量须为整数");
    expect(localiseMessage("保存（版本 2）", "en")).toBe("保存（版本 2）");
  });
});
