/** Text fitting for hand-drawn SVG charts (no layout engine): CJK characters count as two units. */
const units = (ch: string) => (/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f“”]/.test(ch) ? 2 : 1);

export const textUnits = (text: string) => [...text].reduce((n, ch) => n + units(ch), 0);

/** Cuts text to `max` units with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (textUnits(text) <= max) return text;
  let out = "";
  let n = 0;
  for (const ch of text) {
    if (n + units(ch) > max - 1) break;
    out += ch;
    n += units(ch);
  }
  return `${out}…`;
}

/** Characters that may not begin a line (closing quotes and punctuation stay with the text before). */
const noLineStart = /^[”’）》」』，。、：；！？)\],.:;!?]/;

/**
 * Breaks a label into at most `lines` lines of about equal length, none over `max` units
 * (at spaces where there are any; closing punctuation never starts a line).
 */
export function wrap(text: string, max: number, lines = 2): string[] {
  const total = textUnits(text);
  if (total <= max) return [text];
  const spaced = text.includes(" ");
  // Words fill lines greedily; CJK text is split into lines of about equal length.
  const target = spaced ? max : Math.min(max, Math.ceil(total / Math.min(lines, Math.ceil(total / max))));
  const words = spaced ? text.split(/(?<= )/) : [...text];
  const out: string[] = [""];
  for (const w of words) {
    const cur = out[out.length - 1]!;
    if (cur && textUnits(cur + w) > target && !noLineStart.test(w)) out.push(w.trimStart());
    else out[out.length - 1] = cur + w;
  }
  const trimmed = out.map((l) => l.trimEnd());
  if (trimmed.length <= lines) return trimmed;
  return [...trimmed.slice(0, lines - 1), truncate(trimmed.slice(lines - 1).join(" "), max)];
}
