/**
 * A file base name safe on Windows, macOS and Linux: no path separators, reserved characters,
 * control characters or leading dots; at most 80 characters; “chart” when nothing is left.
 */
export function sanitiseFileName(name: string): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s_]+/, "")
    .slice(0, 80)
    .trim();
  return cleaned || "chart";
}

/** The same name in ASCII only, for the `filename=` fallback of Content-Disposition. */
export function asciiFileName(name: string): string {
  const ascii = sanitiseFileName(name).replace(/[^\x20-\x7e]+/g, "_").replace(/_+/g, "_").replace(/^_+|_+$/g, "");
  return ascii || "chart";
}
