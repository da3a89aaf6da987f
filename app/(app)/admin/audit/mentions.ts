/** Every key, string, number and number within an entity id the entries hold: the ids and codes their words may name. */
export function mentions(entries: { entityId: string | null; before: unknown; after: unknown }[]): Set<string> {
  const found = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === "string" || typeof v === "number") found.add(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) {
        found.add(k);
        walk(x);
      }
  };
  for (const e of entries) {
    if (e.entityId) {
      found.add(e.entityId);
      for (const n of e.entityId.match(/\d+/g) ?? []) found.add(n);
    }
    walk(e.before);
    walk(e.after);
  }
  return found;
}
