export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";
export const localeCookie = "NEXT_LOCALE";

export const isLocale = (v: unknown): v is Locale => locales.includes(v as Locale);
