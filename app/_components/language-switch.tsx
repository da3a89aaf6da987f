"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocale } from "~/app/_lib/locale-action";

export function LanguageSwitch() {
  const t = useTranslations("app");
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  const next = locale === "en" ? "zh-CN" : "en";
  return (
    <button
      type="button"
      lang={next}
      disabled={pending}
      className="rounded px-2 py-1 text-sm text-neutral-600 hover:bg-neutral-200"
      onClick={() =>
        start(async () => {
          await setLocale(next);
          router.refresh();
        })
      }
    >
      {t("language")}
    </button>
  );
}
