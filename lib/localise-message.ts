/**
 * Server messages are written "中文（English）": Chinese first, the English in a closing
 * full-width parenthesis. A caller whose UI language is known gets only its half; a caller
 * without one (scripts, other programs) keeps both.
 */
export function localiseMessage(message: string, locale: string | null | undefined): string {
  if (!locale) return message;
  const m = /^([\s\S]*\S)\s*（([^（）]+)）\s*$/.exec(message);
  if (!m || !/[A-Za-z]/.test(m[2]!)) return message;
  const [, zh, en] = m;
  return locale.startsWith("zh") ? zh! : en!.charAt(0).toUpperCase() + en!.slice(1);
}
