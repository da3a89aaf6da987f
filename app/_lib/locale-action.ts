"use server";

import { cookies } from "next/headers";
import { isLocale, localeCookie } from "~/i18n/locales";

/** Remembers the UI language for a year. */
export async function setLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
}
