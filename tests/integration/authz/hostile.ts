import fc from "fast-check";

/**
 * Hostile inputs for the fuzzer (./fuzz.test.ts): wrong types, extreme and non-finite
 * numbers, control and bidirectional characters, markup and SQL, malformed quarters and dates,
 * impossible ids — and the JavaScript values superjson can deliver over HTTP (Date, Map, Set,
 * BigInt, undefined, RegExp, URL, Error, NaN, ±Infinity, -0).
 */

const strings = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "abc\u0000def",
  "\u0007\u001b[31m\u0008",
  "\r\n\t",
  "\u202Eevil\u202C", // right-to-left override
  "\u200B\u200D\uFEFF", // zero-width
  "\uD800", // a lone surrogate
  "😀👨‍👩‍👧‍👦🇨🇳",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "党建\u0301\u0336",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'; drop table units; --",
  "1' or '1'='1",
  "%' or 1=1 --",
  "\\",
  "%_%",
  "${7*7}{{7*7}}",
  "../../../etc/passwd",
  "=cmd|' /C calc'!A0",
  "null",
  "undefined",
  "NaN",
  "1e309",
  "-1",
  "0x10",
  "__proto__",
  "constructor",
  "a".repeat(5_000),
);

/** Quarters and dates as people and programs get them wrong. */
const periods = fc.constantFrom(
  "2026Q5",
  "2026Q0",
  "2026-3",
  "2026q3",
  "26Q3",
  " 2026Q3",
  "2026Q3\n",
  "２０２６Q3",
  "2026Q３",
  "0000Q1",
  "9999Q4",
  "99999Q1",
  "2026-02-30",
  "2026-13-01",
  "0000-01-01",
  "9999-12-31",
  "2026-1-5",
  "2026/01/05",
  "20260105",
  "2026-01-05T00:00:00Z",
);

const numbers = fc.oneof(
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    0,
    -1,
    1.5,
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31),
    2 ** 53 + 1,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    -1e308,
    999_999,
  ),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  fc.double(),
);

const cyclic = () => {
  const o: Record<string, unknown> = { id: 1 };
  o.self = o;
  return o;
};

/** Values only superjson (not plain JSON) carries, plus a self-referencing object (superjson keeps referential equality). */
const exotic = fc
  .constantFrom<() => unknown>(
    () => undefined,
    () => new Date(NaN),
    () => new Date(8.64e15),
    () => new Date("2026-01-05"),
    () => new Map([["unitId", 1]]),
    () => new Set([1, 2]),
    () => 10n,
    () => 2n ** 80n,
    () => /.*/,
    () => new URL("http://example.com/?q=<x>"),
    () => new Error("boom"),
    cyclic,
  )
  .map((make) => make());

const scalar = fc.oneof(strings, periods, numbers, exotic, fc.boolean(), fc.constant(null), fc.string({ unit: "binary", maxLength: 30 }));

/** Any hostile value: a scalar, or a small array or object of them. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.constantFrom("id", "unitId", "status", "__proto__", "constructor", "x"), scalar, { maxKeys: 3 }),
  },
);

/** Keys a caller should never be able to set, and prototype pollution attempts. */
const extraKeys = fc.constantFrom(
  "status",
  "unitId",
  "id",
  "version",
  "role",
  "createdBy",
  "reviewedBy",
  "__proto__",
  "constructor",
  "prototype",
);

type Path = (string | number)[];

/** Every path to a value inside `input` (objects and arrays, not deeper than 4 levels). */
export function pathsOf(input: unknown, prefix: Path = [], depth = 0): Path[] {
  if (input === null || typeof input !== "object" || depth > 4) return [];
  const entries: [string | number, unknown][] = Array.isArray(input) ? input.map((v, i) => [i, v]) : Object.entries(input);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k], depth + 1)]);
}

type Change = { path: Path; value?: unknown; remove?: boolean };

/** A copy of the plain `valid` input with the changes made (a change below a value already replaced is skipped). */
export function changed(valid: unknown, changes: Change[]): unknown {
  const copy = structuredClone(valid) as Record<string | number, unknown>;
  for (const { path, value, remove } of changes) {
    let node: unknown = copy;
    for (const key of path.slice(0, -1))
      node = node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined;
    if (node === null || typeof node !== "object") continue;
    const last = path[path.length - 1]!;
    if (remove) delete (node as Record<string | number, unknown>)[last];
    // defineProperty, so "__proto__" becomes an own key as JSON.parse would make it.
    else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/**
 * Inputs built from a valid one: a wholly wrong shape, one to three fields replaced by hostile
 * values, a field removed, or a key set — one of the input schema's own (`keys`, so optional
 * fields the valid call leaves out are fuzzed too) or one the caller should not control.
 */
export function hostileInputs(valid: unknown, keys: string[] = []): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const base = valid === undefined && keys.length > 0 ? {} : valid;
  const isObject = base !== null && typeof base === "object" && !Array.isArray(base);
  const key = keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), extraKeys) : extraKeys;
  const setKey = fc.tuple(key, hostileValue).map(([k, value]) => changed(base, [{ path: [k], value }]));
  if (paths.length === 0) return isObject ? fc.oneof(hostileValue, setKey) : hostileValue;
  const path = fc.constantFrom(...paths);
  return fc.oneof(
    { weight: 2, arbitrary: hostileValue },
    { weight: 5, arbitrary: fc.tuple(path, hostileValue).map(([p, value]) => changed(valid, [{ path: p, value }])) },
    {
      weight: 2,
      arbitrary: fc.array(fc.tuple(path, hostileValue), { minLength: 2, maxLength: 3 }).map((list) =>
        changed(
          valid,
          list.map(([p, value]) => ({ path: p, value })),
        ),
      ),
    },
    { weight: 1, arbitrary: path.map((p) => changed(valid, [{ path: p, remove: true }])) },
    ...(isObject ? [{ weight: 2, arbitrary: setKey }] : []),
  );
}

/** A 10 MB string (UTF-8), made once; the fuzzer puts it in each text field of a valid input in turn. */
export const tenMegabytes = "党".repeat(Math.ceil((10 * 1024 * 1024) / 3));

/** Keys every plain object inherits: as column keys, field names or values they must never reach a prototype. */
export const prototypeKeys = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "prototype"] as const;

/**
 * Hostile text for the routes outside tRPC (file routes, sign-in): the strings above, prototype
 * keys, and astral characters (emoji, CJK extension B, math letters: two UTF-16 units each) at
 * every offset, so that any length limit cuts one of them in half somewhere.
 */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  strings,
  fc.constantFrom(...prototypeKeys),
  fc
    .tuple(fc.integer({ min: 0, max: 260 }), fc.constantFrom("😀", "𠀀", "𝔘", "👨‍👩‍👧"), fc.constantFrom("a", "党", ""))
    .map(([lead, astral, filler]) => filler.repeat(lead) + astral.repeat(60)),
  fc.string({ unit: "binary", maxLength: 120 }),
  fc.string({ unit: fc.constantFrom("\uD800", "\uDFFF", "\u0000", "a", "😀", "党"), maxLength: 100 }),
);
