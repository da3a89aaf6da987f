import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, localeCookie } from "./locales";
import { loadFormatterMessages } from "./messages";

// No locale in the URL: the choice is remembered in a cookie, Chinese by default.
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(localeCookie)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : defaultLocale;
  return {
    locale,
    timeZone: "Asia/Shanghai",
    messages: await loadFormatterMessages(locale),
  };
});
