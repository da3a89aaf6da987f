/** At most this many characters (code points: an emoji is one, never cut in half). */
export const MAX_FILE_NAME_CHARS = 80;

/**
 * A file base name safe on Windows, macOS and Linux: no path separators, reserved characters,
 * control characters, unpaired surrogates or leading dots; at most 80 characters, cut between
 * characters (never inside an emoji's surrogate pair); “chart” when nothing is left.
 */
export function sanitiseFileName(name: string): string {
  const cleaned = name
    .toWellFormed()
    .replace(/[\u0000-\u001f\u007f\ufffd/\\:*?"<>|]+/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s_]+/, "");
  return Array.from(cleaned).slice(0, MAX_FILE_NAME_CHARS).join("").trim() || "chart";
}

/** The same name in ASCII only, for the `filename=` fallback of Content-Disposition. */
export function asciiFileName(name: string): string {
  const ascii = sanitiseFileName(name)
    .replace(/[^\x20-\x7e]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_+|_+$/g, "");
  return ascii || "chart";
}
