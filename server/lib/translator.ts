import { createTranslator } from "next-intl";
import { defaultLocale, isLocale } from "~/i18n/locales";
import { loadFormatterMessages } from "~/i18n/messages";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The UI messages (messages/<locale>/*.json) on the server, for the few results that are text
 * a page shows as is (e.g. option labels); the caller's UI language, Chinese when unknown.
 */
export async function serverTranslator(locale: string | null | undefined): Promise<Translate> {
  const chosen = isLocale(locale) ? locale : defaultLocale;
  const messages = await loadFormatterMessages(chosen);
  return createTranslator({ locale: chosen, messages: messages as never }) as unknown as Translate;
}
