import { z } from "zod";

type Issue = Parameters<NonNullable<ReturnType<typeof z.locales.zhCN>["localeError"]>>[0];

const zhCN = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;
const text = (m: ReturnType<typeof zhCN>) => (typeof m === "string" ? m : (m?.message ?? ""));
const num = (v: unknown) => (typeof v === "bigint" ? v.toString() : String(v));

/**
 * The common issues in plain words that name the limit ("不能超过 10000（must be at most 10000）"),
 * Chinese first with the English in the closing parenthesis like every server message, so
 * `localiseMessage` gives each page its half; no type names (`number`, `string`) reach a person.
 */
export function plainIssue(issue: Issue): string | undefined {
  const origin = "origin" in issue ? issue.origin : undefined;
  switch (issue.code) {
    case "too_big": {
      const max = num(issue.maximum);
      if (origin === "string") return `最多 ${max} 个字（at most ${max} characters）`;
      if (origin === "array" || origin === "set") return `最多 ${max} 项（at most ${max} items）`;
      if (origin === "number" || origin === "int" || origin === "bigint")
        return issue.inclusive ? `不能超过 ${max}（must be at most ${max}）` : `须小于 ${max}（must be less than ${max}）`;
      return undefined;
    }
    case "too_small": {
      const min = num(issue.minimum);
      if (origin === "string") return min === "1" ? `不能为空（must not be empty）` : `至少 ${min} 个字（at least ${min} characters）`;
      if (origin === "array" || origin === "set") return `至少 ${min} 项（at least ${min} items）`;
      if (origin === "number" || origin === "int" || origin === "bigint")
        return issue.inclusive ? `不能小于 ${min}（must be at least ${min}）` : `须大于 ${min}（must be more than ${min}）`;
      return undefined;
    }
    case "invalid_type": {
      if (issue.input === undefined) return "必填（required）";
      if (issue.expected === "int" && typeof issue.input === "number") return "须为整数（must be a whole number）";
      if (issue.expected === "number" || issue.expected === "int") return "须填写数字（must be a number）";
      if (issue.expected === "string") return "须填写文字（must be text）";
      if (issue.expected === "boolean") return "须为是或否（must be yes or no）";
      return undefined;
    }
    case "invalid_value":
      return "不是可选的值之一（not one of the allowed values）";
    default:
      return undefined;
  }
}

// Validation messages in Simplified Chinese first (the UI's default language), the English after.
z.config({
  localeError: (issue) => {
    const plain = plainIssue(issue);
    if (plain) return plain;
    const zh = text(zhCN(issue));
    const english = text(en(issue)).replace(/, received .*$/, "");
    return english ? `${zh}（${english}）` : zh;
  },
});

export { z };
