"use client";

import { useTranslations } from "next-intl";
import { Badge } from "~/app/_components/ui/badge";
import { cn } from "~/app/_lib/cn";
import type { AdminUser, UserAction } from "./types";
import { TD, TR } from "~/app/_components/ui/table";

const actionBase = "rounded px-1.5 py-0.5 hover:underline";
const actionTone = "text-blue-800 hover:bg-blue-50";
const actionClass = `${actionBase} ${actionTone}`;

export function UserRow({ user, self, onAction }: { user: AdminUser; self: boolean; onAction: (action: UserAction) => void }) {
  const t = useTranslations("adminUsers");
  const tRoles = useTranslations("app.roles");
  return (
    <TR className={cn("border-t border-neutral-100 hover:bg-neutral-50", !user.active && "text-neutral-500")} data-username={user.username}>
      <TD className="py-1.5 pl-4 pr-2 font-mono text-[13px]">{user.username}</TD>
      <TD className="px-2">
        {user.displayName}
        {self ? <span className="ml-1 text-xs text-neutral-500">（{t("self")}）</span> : null}
      </TD>
      <TD className="whitespace-nowrap px-2">{tRoles(user.role)}</TD>
      <TD className="px-2">
        {user.unitName}
        {!user.unitActive ? <span className="ml-1 text-xs text-amber-700">（{t("unitInactive")}）</span> : null}
      </TD>
      <TD className="px-2">{user.active ? <Badge tone="success">{t("active")}</Badge> : <Badge>{t("inactive")}</Badge>}</TD>
      <TD className="whitespace-nowrap py-1 pl-1 pr-4 text-xs">
        <button type="button" className={actionClass} onClick={() => onAction("edit")}>
          {t("actions.edit")}
        </button>
        <button type="button" className={actionClass} onClick={() => onAction("resetPassword")}>
          {t("actions.resetPassword")}
        </button>
        {/* One's own account cannot be deactivated (the server refuses it too). */}
        {!self ? (
          <button
            type="button"
            className={cn(actionBase, user.active ? "text-neutral-600 hover:bg-neutral-100" : actionTone)}
            onClick={() => onAction("status")}
          >
            {user.active ? t("actions.deactivate") : t("actions.activate")}
          </button>
        ) : null}
      </TD>
    </TR>
  );
}
