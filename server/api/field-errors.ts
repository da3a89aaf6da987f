import { z, ZodError } from "zod";
import { FieldValidationError, type FieldErrors } from "~/server/errors";
import { localiseServerMessage } from "~/lib/server-message";

// zod's own messages are configured in Chinese (server/lib/zod.ts); an English page gets
// zod's English wording instead ("received …" dropped: issues do not carry the input).
// A message that is bilingual "中文（English）" — a server message (lib/server-message.ts) or a
// composed zod one — is rendered in the page's language instead.
const zodEnglish = z.locales.en().localeError;
function zodMessage(issue: ZodError["issues"][number], locale: string | null | undefined): string {
  if (locale !== "en" || /（[^（）]*[A-Za-z][^（）]*）\s*$/.test(issue.message)) return localiseServerMessage(issue.message, locale);
  const english = zodEnglish(issue as never);
  const text = typeof english === "string" ? english : english?.message;
  return text ? text.replace(/, received .*$/, "") : issue.message;
}

/** The per-field messages of a failed call, in the caller's language (both when unknown). */
export function fieldErrorsOf(cause: unknown, locale: string | null | undefined): FieldErrors | null {
  if (cause instanceof FieldValidationError) {
    return Object.fromEntries(Object.entries(cause.fieldErrors).map(([k, v]) => [k, localiseServerMessage(v, locale)]));
  }
  if (cause instanceof ZodError) {
    const out: FieldErrors = {};
    for (const issue of cause.issues) out[issue.path.join(".") || "input"] ??= zodMessage(issue, locale);
    return out;
  }
  return null;
}
