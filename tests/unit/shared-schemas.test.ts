import { describe, expect, it } from "vitest";
import { coercedIdSchema, idSchema, quarterSchema, unitIdSchema } from "~/lib/schemas";

const messageOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? null : r.error!.issues[0]!.message);

describe("the shared input rules", () => {
  it("read a unit id from text, and name it in every refusal", () => {
    expect(unitIdSchema.parse("12")).toBe(12);
    expect(messageOf(unitIdSchema.safeParse("abc"))).toBe("单位编号须为整数（unitId must be an integer）");
    expect(messageOf(unitIdSchema.safeParse(1.5))).toBe("单位编号须为整数（unitId must be an integer）");
    expect(messageOf(unitIdSchema.safeParse(0))).toBe("单位编号须为正整数（unitId must be positive）");
    expect(messageOf(unitIdSchema.safeParse(2 ** 31))).toBe("单位编号超出范围（unitId out of range）");
  });

  it("word a row id with or without its English name, and coerce only when asked", () => {
    expect(messageOf(idSchema("会议编号", "id").safeParse("3"))).toBe("会议编号须为整数（id must be an integer）");
    expect(messageOf(idSchema("会议编号", "id").safeParse(-1))).toBe("会议编号须为正整数（id must be positive）");
    expect(coercedIdSchema("案件编号").parse("7")).toBe(7);
    expect(messageOf(coercedIdSchema("案件编号").safeParse(2 ** 31))).toBe("案件编号超出范围（out of range）");
    expect(messageOf(coercedIdSchema("案件编号").safeParse(2.5))).toBe("案件编号须为整数（must be an integer）");
  });

  it("accept quarters as YYYYQn only", () => {
    expect(quarterSchema.parse("2026Q3")).toBe("2026Q3");
    expect(messageOf(quarterSchema.safeParse("2026Q5"))).toBe("季度格式应为 YYYYQn，如 2026Q3（quarter must look like 2026Q3）");
    expect(messageOf(quarterSchema.safeParse(3))).toBe("季度须为文本，如 2026Q3（quarter must look like 2026Q3）");
  });
});
