"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { cn } from "~/app/_lib/cn";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { diffEntries, showValue } from "./diff";

export type AuditEntry = RouterOutputs["audit"]["search"]["items"][number];

/** The username typed at a sign-in (auth.* rows keep it in `after`). */
const typedUsername = (after: unknown) => {
  const v = typeof after === "object" && after !== null ? (after as { username?: unknown }).username : undefined;
  return typeof v === "string" ? v : null;
};
export const AUDIT_COLUMNS = 6;

/** One audit entry; unfolds into a field-by-field before/after comparison with the changes marked. */
export function EntryRow({ entry }: { entry: AuditEntry }) {
  const t = useTranslations("adminAudit");
  const format = useFormatter();
  const [open, setOpen] = useState(false);
  const actionKey = `actions.${entry.action}`;
  const entityKey = `entities.${entry.entity}`;
  const rows = open ? diffEntries(entry.before, entry.after) : [];
  const detailsId = `audit-details-${entry.id}`;

  return (
    <Fragment>
      <tr className={cn("border-t border-neutral-100 align-top", open && "bg-neutral-50")} data-audit-id={entry.id} data-action={entry.action}>
        <td className="whitespace-nowrap py-1.5 pl-4 pr-2 text-neutral-700">
          {format.dateTime(entry.at, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false })}
        </td>
        <td className="px-2 py-1.5">
          {entry.actorUsername ? (
            <>
              {entry.actorDisplayName}
              <span className="ml-1 text-xs text-neutral-500">{entry.actorUsername}</span>
            </>
          ) : entry.action.startsWith("auth") ? (
            // Sign-ins of unknown names and refused anonymous calls: no account, but not the system either.
            <span className="text-neutral-500">
              {t("anonymous")}
              {typedUsername(entry.after) ? <span className="ml-1 text-xs">{typedUsername(entry.after)}</span> : null}
            </span>
          ) : (
            <span className="text-neutral-500">{t("system")}</span>
          )}
        </td>
        <td className="px-2 py-1.5 text-neutral-700">{entry.unitName ?? "—"}</td>
        <td className="px-2 py-1.5">
          {t.has(actionKey) ? t(actionKey) : entry.action}
          <div className="text-xs text-neutral-500">
            <code>{entry.action}</code>
          </div>
        </td>
        <td className="px-2 py-1.5">
          {t.has(entityKey) ? t(entityKey) : entry.entity}
          {entry.entityId ? <code className="ml-1 text-xs text-neutral-600">{entry.entityId}</code> : null}
        </td>
        <td className="py-1 pl-2 pr-4 text-right">
          <Button variant="ghost" className="h-7 px-2 text-xs" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((o) => !o)}>
            {open ? t("collapse") : t("expand")}
          </Button>
        </td>
      </tr>
      {open ? (
        <tr id={detailsId} className="bg-neutral-50">
          <td colSpan={AUDIT_COLUMNS} className="px-4 pb-3 pt-1">
            {rows.length === 0 ? (
              <p className="text-xs text-neutral-500">{t("noDetails")}</p>
            ) : (
              <table className="w-full table-fixed border border-neutral-200 bg-white text-xs" data-testid={`diff-${entry.id}`}>
                <colgroup>
                  <col className="w-64" />
                  <col />
                  <col />
                </colgroup>
                <thead className="bg-neutral-100 text-left text-neutral-600">
                  <tr>
                    <th className="px-2 py-1 font-normal">{t("columns.field")}</th>
                    <th className="px-2 py-1 font-normal">{t("columns.before")}</th>
                    <th className="px-2 py-1 font-normal">{t("columns.after")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.path} className={cn("border-t border-neutral-100", r.changed && "bg-amber-50")} data-changed={r.changed || undefined}>
                      <td className="px-2 py-1 font-mono">
                        {r.path || "value"}
                        {r.changed ? <span className="ml-2 rounded border border-amber-300 px-1 font-sans text-[11px] text-amber-800">{t("changed")}</span> : null}
                      </td>
                      <td className={cn("break-words px-2 py-1", r.changed && r.before != null && "text-neutral-500 line-through decoration-neutral-400")}>{showValue(r.before)}</td>
                      <td className={cn("break-words px-2 py-1", r.changed && "font-semibold text-neutral-900")}>{showValue(r.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
