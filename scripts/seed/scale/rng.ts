import { mulberry32 } from "~/scripts/seed/history";

/** A seeded random stream with the few draws the scale generators need (no Math.random). */
export type Rng = {
  next: () => number;
  between: (lo: number, hi: number) => number;
  int: (lo: number, hi: number) => number;
  normal: (sd: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
};

export function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    next,
    between: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    // Box–Muller; 1 - u keeps the log argument in (0, 1].
    normal: (sd) => sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

/** One independent stream per unit and purpose, so a unit's data does not depend on the others'. */
export const unitSeed = (unitId: number, salt: number) => (Math.imul(unitId, 0x9e3779b1) ^ salt) >>> 0;

export { clamp, round1 } from "~/scripts/seed/history";
