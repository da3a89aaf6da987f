/** One field of a before/after comparison. */
export type DiffRow = { path: string; before: unknown; after: unknown; changed: boolean };

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Nested objects become dotted paths (values.L1_topic_meetings), so a change shows on its own line. */
export function flatten(value: unknown, prefix = "", depth = 0, out = new Map<string, unknown>()): Map<string, unknown> {
  if (isPlainObject(value) && depth < 4 && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, depth + 1, out);
  } else if (prefix || value !== null) {
    out.set(prefix, value);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `before` and `after`, in the order they first appear, each marked changed or not. */
export function diffEntries(before: unknown, after: unknown): DiffRow[] {
  const b = flatten(before);
  const a = flatten(after);
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  return paths.map((path) => {
    const was = b.has(path) ? b.get(path) : undefined;
    const now = a.has(path) ? a.get(path) : undefined;
    return { path, before: was, after: now, changed: !same(was ?? null, now ?? null) };
  });
}

/** A cell value: text as is, missing as "—", anything else as compact JSON. */
export function showValue(v: unknown): string {
  if (v === undefined || v === null) return "—";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}
