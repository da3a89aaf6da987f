/**
 * Legacy: splits a "中文（English）" text that did not come from `m` in this process — one stored
 * in the database (an import job's error) before a restart, or a message zod composes from its
 * own Chinese and English — into the caller's half. Server messages are keys rendered by
 * lib/server-message.ts; this gives the same result for their texts. A caller whose UI language
 * is known gets only its half; a caller without one (scripts, other programs) keeps both.
 */
export function localiseMessage(message: string, locale: string | null | undefined): string {
  if (!locale) return message;
  const m = /^([\s\S]*\S)\s*（([^（）]+)）\s*$/.exec(message);
  if (!m || !/[A-Za-z]/.test(m[2]!)) return message;
  const [, zh, en] = m;
  return locale.startsWith("zh") ? zh! : en!.charAt(0).toUpperCase() + en!.slice(1);
}
