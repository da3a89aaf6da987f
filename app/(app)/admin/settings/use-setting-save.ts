"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { formatQuarter } from "~/lib/quarter";
import type { RouterInputs } from "~/app/_lib/trpc/types";
import { useLazyMutation } from "~/app/_lib/trpc/use-lazy-mutation";
import type { SettingKey } from "~/app/_lib/api-types";

export type { Setting, SettingRow } from "./setting-rows";

export type SaveNotice = { tone: "success" | "error"; text: string; conflict?: boolean };

/**
 * Saves one setting with its version (the tRPC client loads on the first save); field errors and a
 * notice for the card, conflicts offer a reload. After a save or a reload the page is read again,
 * and the card takes the new version's value.
 */
export function useSettingSave(key: SettingKey) {
  const t = useTranslations("adminSettings");
  const locale = useLocale();
  // Whether the pending save is a "restore default", so the notice says the default was saved.
  const how = useRef<"save" | "reset">("save");
  const router = useRouter();
  const [reloading, startReload] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<SaveNotice | null>(null);
  const mutation = useLazyMutation((api, input: RouterInputs["settings"]["update"]) => api.settings.update.mutate(input), {
    refresh: true,
    onSuccess: (res) => {
      setFieldErrors({});
      const gap = locale.startsWith("zh") ? "" : " ";
      const from = res.appliesFrom ? `${gap}${t("appliesFrom", { quarter: formatQuarter(res.appliesFrom, locale) })}` : "";
      setNotice({ tone: "success", text: t(how.current === "reset" ? "resetSaved" : "saved", { version: res.version }) + from });
    },
    onError: (e) => {
      setFieldErrors(e.fieldErrors);
      const count = Object.keys(e.fieldErrors).length;
      if (e.code === "CONFLICT") setNotice({ tone: "error", text: t("conflict", { message: e.message }), conflict: true });
      else setNotice({ tone: "error", text: count > 0 ? t("hasErrors", { count }) : e.message });
    },
  });
  return {
    fieldErrors,
    notice,
    pending: mutation.isPending || reloading,
    save: (value: unknown, version: number, kind: "save" | "reset" = "save") => {
      how.current = kind;
      mutation.mutate({ key, value, version });
    },
    reload: () => {
      setNotice(null);
      setFieldErrors({});
      startReload(() => router.refresh());
    },
  };
}
