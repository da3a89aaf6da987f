import { z } from "zod";
import { m } from "~/lib/server-message";

type Issue = Parameters<NonNullable<ReturnType<typeof z.locales.zhCN>["localeError"]>>[0];

const zhCN = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;
const text = (m: ReturnType<typeof zhCN>) => (typeof m === "string" ? m : (m?.message ?? ""));
const num = (v: unknown) => (typeof v === "bigint" ? v.toString() : String(v));

/**
 * The common issues in plain words that name the limit (`zod.mustBeAtMost` in messages/<locale>/server.json),
 * server messages like any other (lib/server-message.ts), so each page gets its language;
 * no type names (`number`, `string`) reach a person.
 */
export function plainIssue(issue: Issue): string | undefined {
  const origin = "origin" in issue ? issue.origin : undefined;
  switch (issue.code) {
    case "too_big": {
      const max = num(issue.maximum);
      if (origin === "string") return m("zod.atMostCharacters", { max });
      if (origin === "array" || origin === "set") return m("zod.atMostItems", { max });
      if (origin === "number" || origin === "int" || origin === "bigint")
        return issue.inclusive ? m("zod.mustBeAtMost", { max }) : m("zod.mustBeLessThan", { max });
      return undefined;
    }
    case "too_small": {
      const min = num(issue.minimum);
      if (origin === "string") return min === "1" ? m("zod.mustNotBeEmpty") : m("zod.atLeastCharacters", { min });
      if (origin === "array" || origin === "set") return m("zod.atLeastItems", { min });
      if (origin === "number" || origin === "int" || origin === "bigint")
        return issue.inclusive ? m("zod.mustBeAtLeast", { min }) : m("zod.mustBeMoreThan", { min });
      return undefined;
    }
    case "invalid_type": {
      if (issue.input === undefined) return m("zod.required");
      if (issue.expected === "int" && typeof issue.input === "number") return m("zod.mustBeAWholeNumber");
      if (issue.expected === "number" || issue.expected === "int") return m("zod.mustBeANumber");
      if (issue.expected === "string") return m("zod.mustBeText");
      if (issue.expected === "boolean") return m("zod.mustBeYesOrNo");
      return undefined;
    }
    case "invalid_value":
      return m("zod.notOneOfTheAllowedValues");
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
