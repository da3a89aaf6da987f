"use client";

import { useTranslations, useLocale } from "next-intl";
import { Button } from "~/app/_components/ui/button";
import { Notice } from "~/app/_components/ui/notice";
import type { SaveNotice, SettingRow } from "./use-setting-save";
import { formatDateTime } from "~/app/_lib/format-date";

/** Save button, who changed the setting last, and the outcome of the last save. */
export function SettingFooter({
  row,
  pending,
  notice,
  dirty,
  isDefault,
  onReset,
  onReload,
}: {
  row: Pick<SettingRow, "updatedAt" | "updatedBy">;
  pending: boolean;
  notice: SaveNotice | null;
  /** The fields differ from what is saved. */
  dirty: boolean;
  /** What is saved is already the default (restoring it would change nothing). */
  isDefault: boolean;
  /** Restores the default and saves it at once (the button says so). */
  onReset: () => void;
  onReload: () => void;
}) {
  const t = useTranslations("adminSettings");
  const locale = useLocale();
  return (
    <div className="flex flex-wrap items-center gap-3 border-t border-neutral-200 px-4 py-2">
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
      <Button type="button" variant="secondary" disabled={pending || (isDefault && !dirty)} onClick={onReset}>
        {t("reset")}
      </Button>
      {dirty && !pending ? (
        <span className="rounded border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs text-amber-900" data-testid="unsaved">
          {t("unsaved")}
        </span>
      ) : null}
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
      {notice?.conflict ? (
        <Button type="button" variant="secondary" onClick={onReload}>
          {t("reload")}
        </Button>
      ) : null}
      <span className="ml-auto text-xs text-neutral-500">
        {row.updatedAt ? t("lastChanged", { who: row.updatedBy ?? "—", when: formatDateTime(row.updatedAt, locale) }) : t("neverChanged")}
      </span>
    </div>
  );
}
