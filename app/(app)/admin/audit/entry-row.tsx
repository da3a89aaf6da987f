"use client";

import { useLocale, useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { cn } from "~/app/_lib/cn";
import { formatDateTime } from "~/app/_lib/format-date";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { changeLines, describeAudit, fieldWords, valueWords, type Lookups, type Words } from "./describe";
import { diffEntries } from "./diff";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";

export type AuditEntry = RouterOutputs["audit"]["search"]["items"][number];

export const AUDIT_COLUMNS = 4;
const SUMMARY_CHANGES = 3;

/** One audit entry read as a sentence, its changes in words; unfolds into a field-by-field before/after comparison. */
export function EntryRow({ entry, lookups }: { entry: AuditEntry; lookups: Lookups }) {
  const t = useTranslations("adminAudit");
  const root = useTranslations() as unknown as Words;
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const sentence = describeAudit(root, locale, entry, lookups);
  const changes = changeLines(root, locale, entry, lookups);
  const rows = open ? diffEntries(entry.before, entry.after) : [];
  const detailsId = `audit-details-${entry.id}`;

  return (
    <Fragment>
      <TR
        className={cn("border-t border-neutral-100 align-top", open && "bg-neutral-50")}
        data-audit-id={entry.id}
        data-action={entry.action}
      >
        <TD className="whitespace-nowrap py-1.5 pl-4 pr-2 text-neutral-700">{formatDateTime(entry.at, locale)}</TD>
        <TD className="px-2 py-1.5">
          <div data-testid="audit-sentence">{sentence}</div>
          {changes.length > 0 ? (
            <ul className="mt-0.5 text-xs text-neutral-600">
              {changes.slice(0, SUMMARY_CHANGES).map((c) => (
                <li key={c.path}>{root("auditWords.change", { field: c.field, before: c.before, after: c.after })}</li>
              ))}
              {changes.length > SUMMARY_CHANGES ? (
                <li>{root("auditWords.moreChanges", { count: changes.length - SUMMARY_CHANGES })}</li>
              ) : null}
            </ul>
          ) : null}
        </TD>
        <TD className="px-2 py-1.5 text-neutral-700">{entry.unitName ?? "—"}</TD>
        <TD className="py-1 pl-2 pr-4 text-right">
          <Button
            variant="ghost"
            className="h-7 px-2 text-xs"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? t("collapse") : t("expand")}
          </Button>
        </TD>
      </TR>
      {open ? (
        <TR id={detailsId} className="bg-neutral-50">
          <TD colSpan={AUDIT_COLUMNS} className="px-4 pb-3 pt-1">
            {rows.length === 0 ? (
              <p className="text-xs text-neutral-500">{t("noDetails")}</p>
            ) : (
              <Table className="w-full table-fixed border border-neutral-200 bg-white text-xs" data-testid={`diff-${entry.id}`}>
                <colgroup>
                  <col className="w-56" />
                  <col />
                  <col />
                </colgroup>
                <THead className="bg-neutral-100 text-left text-neutral-600">
                  <TR>
                    <TH className="px-2 py-1 font-normal">{t("columns.field")}</TH>
                    <TH className="px-2 py-1 font-normal">{t("columns.before")}</TH>
                    <TH className="px-2 py-1 font-normal">{t("columns.after")}</TH>
                  </TR>
                </THead>
                <TBody>
                  {rows.map((r) => (
                    <TR
                      key={r.path}
                      className={cn("border-t border-neutral-100", r.changed && "bg-amber-50")}
                      data-changed={r.changed || undefined}
                    >
                      <TD className="px-2 py-1">
                        {fieldWords(root, r.path, lookups)}
                        {r.changed ? (
                          <span className="ml-2 rounded border border-amber-300 px-1 text-[11px] text-amber-800">{t("changed")}</span>
                        ) : null}
                      </TD>
                      <TD
                        className={cn(
                          "break-words px-2 py-1",
                          r.changed && r.before != null && "text-neutral-500 line-through decoration-neutral-400",
                        )}
                      >
                        {valueWords(root, locale, entry.entity, r.path, r.before, lookups)}
                      </TD>
                      <TD className={cn("break-words px-2 py-1", r.changed && "font-semibold text-neutral-900")}>
                        {valueWords(root, locale, entry.entity, r.path, r.after, lookups)}
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </TD>
        </TR>
      ) : null}
    </Fragment>
  );
}
