import { isBoilerplate } from "./boilerplate";
import { normalisedSentences } from "./normalise";

/**
 * Copy detection that survives disguise (述职报告/会议记录雷同). A text's fingerprint is its
 * substance: its sentences in normal form (./normalise.ts: numbers, names, unit names and
 * officialese synonyms mapped out) without the boilerplate every unit writes (./boilerplate.ts),
 * one a line. Two texts are compared by the character trigrams of their substance, each
 * trigram taken inside one sentence, so that reordered sentences change nothing; the score is
 * the Ochiai coefficient |A∩B| / √(|A|·|B|): a sentence inserted or dropped moves it little,
 * and a short text sharing a few stock phrases with a long one stays low.
 */

export const copyRules = {
  /** Texts this similar (0–1) count as copied. The labelled set: disguised copies score ≥ 0.77 (p5 0.85), honest texts sharing the official opening ≈0.2–0.5, a few up to 0.75; the demo seed's honest duty reports, drawn from one pool of stock lines, reach ≈0.76 — so 0.8 (labelled set: precision 1.000, recall 0.995). */
  threshold: 0.8,
  /** A substance shorter than this many trigrams is too thin to compare (any two short notes look alike). */
  minShingles: 15,
  /** MinHash signature: `bands` × `rows` hash functions; two texts sharing one band are candidates. */
  bands: 40,
  rows: 5,
  /**
   * The corpus-common clauses: a substance clause written by at least `minUnits` units, and by
   * at least `share` of all units, is boilerplate of this corpus (the stock phrases every unit
   * writes), stripped before banding and scoring. Both, so that a ring of copiers (a handful of
   * units sharing one template) is never excused, and only what half the department writes is
   * stripped — the demo: 27 of 53 units; a clause a quarter of the units share is still
   * substance (its pool-drawn duty-report lines are, and the disguised copy of one is caught by them).
   */
  common: { minUnits: 8, share: 0.5 },
} as const;

/** How many units' texts must contain a clause for it to be corpus-common, given the number of units. */
export const commonClauseUnits = (unitCount: number) => Math.max(copyRules.common.minUnits, Math.ceil(copyRules.common.share * unitCount));

/** The substance clauses of a stored fingerprint (its lines). */
export const fingerprintClauses = (fingerprint: string): string[] => fingerprint.split("\n").filter((l) => l.length > 0);

/** A fingerprint without the corpus-common clauses (`common`), what is scored and banded. */
export function withoutCommon(fingerprint: string, common?: ReadonlySet<string>): string {
  if (!common || common.size === 0) return fingerprint;
  return fingerprintClauses(fingerprint)
    .filter((l) => !common.has(l))
    .join("\n");
}

/** The fingerprint stored beside minutes and duty reports: the substance sentences, one a line. */
export function textFingerprint(text: string, common?: ReadonlySet<string>): string {
  return normalisedSentences(text)
    .filter((s) => !isBoilerplate(s, common))
    .join("\n");
}

/** What is stored beside a text for copy detection: its fingerprint and the fingerprint's bands. */
export function copyColumns(text: string): { fingerprint: string; bands: number[] } {
  const fingerprint = textFingerprint(text);
  return { fingerprint, bands: copyBands(fingerprint) };
}

/** The trigrams of a fingerprint, each within one sentence (a sentence shorter than three characters is one shingle). */
export function shingles(fingerprint: string): Set<string> {
  const out = new Set<string>();
  for (const sentence of fingerprint.split("\n")) {
    const chars = Array.from(sentence);
    if (chars.length === 0) continue;
    if (chars.length < 3) out.add(sentence);
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(""));
  }
  return out;
}

/** The Ochiai coefficient of two shingle sets (0 when either is too thin to compare). */
function ochiai(sa: ReadonlySet<string>, sb: ReadonlySet<string>): number {
  if (sa.size < copyRules.minShingles || sb.size < copyRules.minShingles) return 0;
  let shared = 0;
  for (const s of sa) if (sb.has(s)) shared += 1;
  return shared / Math.sqrt(sa.size * sb.size);
}

/**
 * The similarity of two fingerprints, 0–1 (0 when either is too thin to compare); `a` may come
 * as its shingles. With the corpus-common clauses `common`, the lower of the score with them
 * and the score without them: clauses every unit writes may excuse a resemblance, never make
 * one (two texts whose own remainder is short and happens to be alike are not a copy when the
 * whole texts differ); a text whose substance is all common clauses is too thin to compare.
 */
export function fingerprintSimilarity(a: string | ReadonlySet<string>, b: string, common?: ReadonlySet<string>): number {
  const raw = ochiai(typeof a === "string" ? shingles(a) : a, shingles(b));
  if (!common || common.size === 0 || typeof a !== "string" || raw < copyRules.threshold) return raw;
  return Math.min(raw, ochiai(shingles(withoutCommon(a, common)), shingles(withoutCommon(b, common))));
}

/** The similarity of two texts, 0–1 (with the corpus-common clauses `common`, as `fingerprintSimilarity`). */
export function textSimilarity(a: string, b: string, common?: ReadonlySet<string>): number {
  return fingerprintSimilarity(textFingerprint(a), textFingerprint(b), common);
}

/** Whether a similarity counts as copied. */
export const isCopied = (similarity: number) => similarity >= copyRules.threshold;

/** 32-bit FNV-1a of a string. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A 32-bit integer mixer (murmur3's finaliser). */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The MinHash band hashes of a fingerprint (locality-sensitive hashing): `bands` signed 32-bit
 * integers, stored in an indexed integer array beside the text. Texts with trigram Jaccard
 * similarity s share at least one band with probability 1 − (1 − s^rows)^bands (≈0.96 at
 * s = 0.6, about the labelled set's least disguised copy; ≈0.2 at s = 0.35; ≈0.01 at s = 0.2),
 * so the index finds the candidates and
 * `fingerprintSimilarity` decides. Taken without the corpus-common clauses `common`. Empty for
 * a text too thin to compare.
 */
export function copyBands(fingerprint: string, common?: ReadonlySet<string>): number[] {
  const set = shingles(withoutCommon(fingerprint, common));
  if (set.size < copyRules.minShingles) return [];
  const { bands, rows } = copyRules;
  const mins = new Array<number>(bands * rows).fill(0xffffffff);
  for (const s of set) {
    const base = hash32(s);
    for (let i = 0; i < mins.length; i++) {
      const v = mix(base ^ Math.imul(i + 1, 0x9e3779b1));
      if (v < mins[i]!) mins[i] = v;
    }
  }
  const out: number[] = [];
  for (let b = 0; b < bands; b++) {
    let h = mix(0x5bd1e995 ^ b);
    for (let r = 0; r < rows; r++) h = mix(h ^ mins[b * rows + r]!);
    out.push(h | 0);
  }
  return out;
}

/**
 * Sentences common to many documents: those in the texts of at least `minGroups` different
 * groups (units). Passed as `common` they count as boilerplate too.
 */
export function commonSentences(docs: readonly { group: string | number; text: string }[], minGroups: number): Set<string> {
  const groups = new Map<string, Set<string | number>>();
  for (const d of docs) {
    for (const s of new Set(normalisedSentences(d.text))) {
      const g = groups.get(s) ?? new Set();
      g.add(d.group);
      groups.set(s, g);
    }
  }
  return new Set([...groups].filter(([, g]) => g.size >= minGroups).map(([s]) => s));
}

/** The copy-detection columns of meeting minutes (`minutes_fingerprint`, `copy_bands`). */
export function minutesCopyColumns(minutes: string): { minutesFingerprint: string; copyBands: number[] } {
  const { fingerprint, bands } = copyColumns(minutes);
  return { minutesFingerprint: fingerprint, copyBands: bands };
}
