import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { localiseMessage } from "~/lib/localise-message";
import { localiseServerMessage, m, type ServerMessageKey } from "~/lib/server-message";
import en from "~/messages/en/server.json";
import zh from "~/messages/zh-CN/server.json";

type Tree = { [k: string]: string | Tree };
const leaves = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
/** The `{name}` arguments of an ICU message, quoted text ('{', '') aside. */
const params = (icu: string) => [...new Set([...icu.replace(/'[^']*'/g, "").matchAll(/\{(\w+)\}/g)].map((x) => x[1]!))].sort();

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(p)) files.push(p);
    }
  };
  walk("server");
  walk("lib");
  return files;
}

/** Each `m("key", { a, b: … })` in a source: its key and the names of the values it passes. */
function messageCalls(text: string): { key: string; names: string[] }[] {
  const source = text.replace(/^\s*(\*|\/\/|\/\*\*).*$/gm, "");
  const out: { key: string; names: string[] }[] = [];
  for (const call of source.matchAll(/\bm\(\s*"([\w.]+)"\s*(,\s*\{)?/g)) {
    const names: string[] = [];
    if (call[2]) {
      // The object literal's top-level entries: split at depth 0 commas, name before a depth 0 colon.
      let depth = 0;
      let entry = "";
      let quote = "";
      for (let i = call.index + call[0].length; i < source.length; i++) {
        const c = source[i]!;
        if (quote) {
          if (c === quote) quote = "";
          entry += c;
          continue;
        }
        if (c === '"' || c === "'" || c === "`") quote = c;
        if ("([{".includes(c)) depth++;
        if (")]}".includes(c)) depth--;
        if (depth < 0 || (depth === 0 && c === ",")) {
          if (entry.trim()) names.push(/^\s*([\w$]+)/.exec(entry)![1]!);
          entry = "";
          if (depth < 0) break;
          continue;
        }
        entry += c;
      }
    }
    out.push({ key: call[1]!, names });
  }
  return out;
}

const zhLeaves = new Map(leaves(zh.server as Tree));
const enLeaves = new Map(leaves(en.server as Tree));

describe("server messages (messages/<locale>/server.json)", () => {
  it("has every key in zh-CN and en; each call passes exactly the parameters the two use", () => {
    expect([...enLeaves.keys()].sort()).toEqual([...zhLeaves.keys()].sort());
    const calls = sourceFiles().flatMap((file) => messageCalls(fs.readFileSync(file, "utf8")).map((c) => ({ ...c, file })));
    expect(calls.length).toBeGreaterThan(300);
    for (const { key, names, file } of calls) {
      expect(zhLeaves.has(key), `${file}: ${key}`).toBe(true);
      const used = [...new Set([...params(zhLeaves.get(key) ?? ""), ...params(enLeaves.get(key) ?? "")])].sort();
      expect(names.sort(), `${file}: ${key}`).toEqual(used);
    }
  });

  it("renders every key as '中文（English）' that each language's page gets its half of, as the split did", () => {
    for (const [key, text] of zhLeaves) {
      const values = Object.fromEntries([...params(text), ...params(enLeaves.get(key)!)].map((p) => [p, `«${p}»`]));
      const both = m(key as ServerMessageKey, values);
      expect(both, key).toMatch(/^[\s\S]*\S（[^（）]*[A-Za-z][^（）]*）$/);
      expect(localiseServerMessage(both, undefined)).toBe(both);
      expect(localiseServerMessage(both, "zh-CN"), key).toBe(localiseMessage(both, "zh-CN"));
      expect(localiseServerMessage(both, "en"), key).toBe(localiseMessage(both, "en"));
    }
  });

  it("passes values through as written: numbers are not grouped", () => {
    expect(m("zod.mustBeAtMost", { max: 2147483647 })).toBe("不能超过 2147483647（must be at most 2147483647）");
    expect(localiseServerMessage(m("scope.unitNotFound", { unitId: 12345 }), "en")).toBe("Unit 12345 not found");
  });
});

/**
 * No server source holds an inline "中文（English）" message: they are keys in server.json.
 * Exceptions are text that is not a message (comments, the spreadsheet's help sheet).
 */
describe("no inline bilingual messages", () => {
  const exceptions = new Set(["server/lib/zod.ts:composes zod's own Chinese and English"]);
  const literal = /["'`][^"'`]*[\u4e00-\u9fff][^"'`]*（[^（）"'`]*[A-Za-z][^（）"'`]*）["'`]/;
  const files = sourceFiles();

  it("finds none in server/ and lib/", () => {
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
        .filter(({ line }) => !/^\s*(\*|\/\*\*|\/\/)/.test(line) && literal.test(line)),
    );
    expect(found.map((f) => f.at)).toEqual([]);
    expect(exceptions.size).toBe(1);
  });
});
