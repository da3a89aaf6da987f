import { describe, expect, it } from "vitest";
import { starterIndicators } from "~/scripts/seed/catalogue";
import { parseNumber } from "~/lib/indicator-value";
import { validateBusinessScore, validateValues } from "~/server/services/report/validate-values";

const catalogue = new Map(starterIndicators.map((i) => [i.code, i]));

describe("report value validation", () => {
  it("parses typed numbers and refuses text", () => {
    expect(parseNumber(" 12.5 ")).toEqual({ ok: true, value: 12.5 });
    expect(parseNumber("80%")).toEqual({ ok: true, value: 80 });
    expect(parseNumber("")).toEqual({ ok: true, value: null });
    expect(parseNumber("abc")).toEqual({ ok: false });
    expect(parseNumber("1e999")).toEqual({ ok: false });
    expect(parseNumber(Number.POSITIVE_INFINITY)).toEqual({ ok: false });
  });

  it("names the field of every bad value and keeps the good ones", () => {
    const { parsed, errors } = validateValues(catalogue, [
      { indicatorCode: "V1_attendance_rate", value: 120 }, // rate over 100
      { indicatorCode: "L1_topic_meetings", value: -1 }, // negative count
      { indicatorCode: "L2_secretary_lectures", value: 1.5 }, // fractional count
      { indicatorCode: "L3_plan_fits", value: 2 }, // boolean
      { indicatorCode: "M3_training_hours", value: "十" }, // text
      { indicatorCode: "nope", value: 1 }, // unknown
      { indicatorCode: "V2_volunteer_rate", value: 75 }, // fine
      { indicatorCode: "T2_fusion_projects", value: null }, // cleared
    ]);
    expect(Object.keys(errors).sort()).toEqual(
      [
        "values.L1_topic_meetings",
        "values.L2_secretary_lectures",
        "values.L3_plan_fits",
        "values.M3_training_hours",
        "values.V1_attendance_rate",
        "values.nope",
      ].sort(),
    );
    expect(errors["values.V1_attendance_rate"]).toContain("0 到 100");
    expect(errors["values.L1_topic_meetings"]).toContain("负数");
    expect(errors["values.M3_training_hours"]).toContain("数字");
    expect(parsed.get("V2_volunteer_rate")).toBe(75);
    expect(parsed.get("T2_fusion_projects")).toBeNull();
  });

  it("checks the business score range", () => {
    expect(validateBusinessScore(88.5)).toEqual({ value: 88.5 });
    expect(validateBusinessScore(null)).toEqual({ value: null });
    expect(validateBusinessScore(101)).toHaveProperty("error");
    expect(validateBusinessScore("高")).toHaveProperty("error");
  });
});
