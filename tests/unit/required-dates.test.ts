import { describe, expect, it } from "vitest";
import { addItemSchema } from "~/server/services/case/schemas";
import { inspectionFieldsSchema } from "~/server/services/inspection/schemas";
import { checkMinutesSchema, meetingFieldsSchema } from "~/server/services/meeting/schemas";

describe("an empty required date says which field to fill, not the format", () => {
  it("meeting date: empty → 请填写「会议日期」, malformed → the format", () => {
    const empty = meetingFieldsSchema.shape.date.safeParse("  ");
    expect(empty.error?.issues.map((i) => i.message)).toEqual([expect.stringContaining("请填写「会议日期」")]);
    const bad = meetingFieldsSchema.shape.date.safeParse("2026/3/1");
    expect(bad.error?.issues.map((i) => i.message)).toEqual([expect.stringContaining("YYYY-MM-DD")]);
    expect(checkMinutesSchema.shape.date.safeParse("").error?.issues.map((i) => i.message)).toEqual([
      expect.stringContaining("请填写「会议日期」"),
    ]);
  });

  it("inspection date and rectification deadline: empty → 请填写「…」", () => {
    expect(inspectionFieldsSchema.shape.inspectedOn.safeParse("").error?.issues.map((i) => i.message)).toEqual([
      expect.stringContaining("请填写「检查日期」"),
    ]);
    expect(addItemSchema.shape.deadline.safeParse("").error?.issues.map((i) => i.message)).toEqual([
      expect.stringContaining("请填写「整改期限」"),
    ]);
  });
});
