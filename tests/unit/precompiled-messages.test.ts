import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { _createCache, _createIntlFormatters } from "use-intl/core";
import formatCompiling from "use-intl/format-message";
import formatOnly from "use-intl/format-message/format-only";
import { describe, expect, it } from "vitest";
import { formatsPrecompiled, precompile } from "~/i18n/precompile";

// The build formats messages compiled ahead (i18n/precompile.ts, next.config.js); this checks that
// every message of both languages, server.json included, reads exactly as the compiling formatter
// (intl-messageformat) made it, for every branch of its plurals and selects and for numbers.

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );

// icu-minify's compiled form: [name] an argument, [name, 1, {…}] select, [name, 2|3, {…}] plural, [name, 4, style] number.
type Arg = { kind: "text" | "number" | "select"; options: string[] };
function argsOf(node: unknown, out: Map<string, Arg>) {
  if (!Array.isArray(node)) return;
  const [name, type, options] = node as [unknown, unknown, unknown];
  if (typeof name === "string" && (node.length === 1 || (typeof type === "number" && type > 0))) {
    const kind = type === 1 ? "select" : type === 2 || type === 3 || type === 4 ? "number" : "text";
    const opts = type === 1 && options && typeof options === "object" ? Object.keys(options) : [];
    const had = out.get(name);
    out.set(name, { kind: had && had.kind !== "text" ? had.kind : kind, options: [...(had?.options ?? []), ...opts] });
    if (options && typeof options === "object") for (const branch of Object.values(options)) argsOf(branch, out);
    return;
  }
  for (const part of node) argsOf(part, out);
}

const numbers = [0, 1, 2, 7, 1234.5];
function valueSets(args: Map<string, Arg>): Record<string, string | number>[] {
  if (args.size === 0) return [{}];
  const variants = [...args].map(([name, a]) => {
    const vs: (string | number)[] =
      a.kind === "number" ? numbers : a.kind === "select" ? [...a.options.filter((o) => o !== "other"), "zzz"] : ["值", 1234.5];
    return [name, vs] as const;
  });
  const n = Math.max(...variants.map(([, vs]) => vs.length));
  return Array.from({ length: n }, (_, i) => Object.fromEntries(variants.map(([name, vs]) => [name, vs[i % vs.length]!])));
}

const dir = path.join(import.meta.dirname, "../../messages");

describe("precompiled messages", () => {
  it("tests run the compiling formatter (the build's alias is not here)", () => {
    expect(formatsPrecompiled).toBe(false);
  });

  it("compiled messages are plain objects and arrays (Server Components hand them to the browser)", () => {
    const plain = (node: unknown): boolean =>
      typeof node !== "object" || node === null
        ? true
        : (Array.isArray(node) || Object.getPrototypeOf(node) === Object.prototype) && Object.values(node).every(plain);
    expect(plain(precompile({ a: { b: "{n, plural, =0 {none} other {# left}}", c: "{x, select, yes {Y} other {N}}" } }))).toBe(true);
  });

  for (const locale of ["zh-CN", "en"]) {
    it(`every ${locale} message formats the same compiled ahead`, () => {
      const cache = _createCache();
      const options = { cache, formatters: _createIntlFormatters(cache), locale, timeZone: "Asia/Shanghai" };
      let checked = 0;
      for (const file of readdirSync(path.join(dir, locale)).filter((f) => f.endsWith(".json"))) {
        const tree = JSON.parse(readFileSync(path.join(dir, locale, file), "utf8")) as Tree;
        const compiled = precompile(tree);
        for (const [key, source] of leaves(tree)) {
          const message = key.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], compiled);
          const args = new Map<string, Arg>();
          argsOf(message, args);
          for (const values of valueSets(args)) {
            const want = formatCompiling(key, source, Object.keys(values).length ? values : undefined, options as never);
            const got = formatOnly(key, message as never, Object.keys(values).length ? values : undefined, options as never);
            expect(got, `${file} ${key} ${JSON.stringify(values)}`).toEqual(want);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(500);
    });
  }
});
