"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { formatQuarter } from "~/lib/quarter";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import type { SettingKey, SettingRow } from "~/app/_lib/api-types";

export type { SettingRow };
export type Setting<K extends SettingKey> = Extract<SettingRow, { key: K }>;

export const pick = <K extends SettingKey>(rows: SettingRow[], key: K) => rows.find((r): r is Setting<K> => r.key === key);

export type SaveNotice = { tone: "success" | "error"; text: string; conflict?: boolean };

/** Saves one setting with its version; field errors and a notice for the card, conflicts offer a reload. */
export function useSettingSave(key: SettingKey) {
  const t = useTranslations("adminSettings");
  const locale = useLocale();
  // Whether the pending save is a "restore default", so the notice says the default was saved.
  const how = useRef<"save" | "reset">("save");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<SaveNotice | null>(null);
  const mutation = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: async (res) => {
        setFieldErrors({});
        const gap = locale.startsWith("zh") ? "" : " ";
        const from = res.appliesFrom ? `${gap}${t("appliesFrom", { quarter: formatQuarter(res.appliesFrom, locale) })}` : "";
        setNotice({ tone: "success", text: t(how.current === "reset" ? "resetSaved" : "saved", { version: res.version }) + from });
        await queryClient.invalidateQueries(trpc.settings.pathFilter());
      },
      onError: (err) => {
        const e = describeError(err);
        setFieldErrors(e.fieldErrors);
        const count = Object.keys(e.fieldErrors).length;
        if (e.code === "CONFLICT") setNotice({ tone: "error", text: t("conflict", { message: e.message }), conflict: true });
        else setNotice({ tone: "error", text: count > 0 ? t("hasErrors", { count }) : e.message });
      },
    }),
  );
  return {
    fieldErrors,
    notice,
    pending: mutation.isPending,
    save: (value: unknown, version: number, kind: "save" | "reset" = "save") => {
      how.current = kind;
      mutation.mutate({ key, value, version });
    },
    reload: async () => {
      setNotice(null);
      setFieldErrors({});
      await queryClient.refetchQueries(trpc.settings.pathFilter());
    },
  };
}
