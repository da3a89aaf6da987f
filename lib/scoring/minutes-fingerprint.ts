/**
 * A locale-independent form of meeting minutes for pg_trgm. pg_trgm only takes "alphanumeric"
 * characters as the database locale defines them, and under the C locale Chinese characters
 * are not, so raw Chinese minutes give no trigrams at all there. Each character of a run of
 * letters or digits becomes three base-36 ASCII characters, keeping runs as words; the
 * trigrams of the result stand for single characters and pairs of neighbours, on any locale.
 */
export function minutesFingerprint(minutes: string): string {
  const runs =
    minutes
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return runs.map((run) => Array.from(run, (ch) => (ch.codePointAt(0) ?? 0).toString(36).padStart(3, "0").slice(-3)).join("")).join(" ");
}
