"use client";

import { useTranslations } from "next-intl";
import { Badge } from "~/app/_components/ui/badge";
import { cn } from "~/app/_lib/cn";
import type { UnitAction } from "./types";
import { canHaveChildren } from "~/lib/unit-hierarchy";
import type { AdminUnit } from "./unit-select";
import { TD, TR } from "~/app/_components/ui/table";

const actionBase = "rounded px-1.5 py-0.5 hover:underline";
const actionTone = "text-blue-800 hover:bg-blue-50";
const actionClass = `${actionBase} ${actionTone}`;

/** One unit in the indented tree table, with its actions. */
export function UnitRow(props: {
  unit: AdminUnit;
  indent: number;
  hasChildren: boolean;
  expanded: boolean;
  onToggle: () => void;
  onAction: (action: UnitAction) => void;
}) {
  const t = useTranslations("adminUnits");
  const u = props.unit;
  const isRoot = u.parentId === null;
  return (
    <TR className={cn("border-t border-neutral-100 hover:bg-neutral-50", !u.active && "text-neutral-500")} data-unit-id={u.id}>
      <TD className="py-1.5 pl-4 pr-2">
        <div className="flex items-center" style={{ paddingLeft: `${props.indent * 1.25}rem` }}>
          {props.hasChildren ? (
            <button
              type="button"
              onClick={props.onToggle}
              aria-expanded={props.expanded}
              aria-label={t(props.expanded ? "actions.collapse" : "actions.expand", { name: u.name })}
              className="mr-1 h-5 w-5 shrink-0 rounded text-xs text-neutral-500 hover:bg-neutral-200"
            >
              {props.expanded ? "▾" : "▸"}
            </button>
          ) : (
            <span className="mr-1 w-5 shrink-0" />
          )}
          <span className={cn(u.depth <= 1 && "font-medium")}>{u.name}</span>
        </div>
      </TD>
      <TD className="whitespace-nowrap px-2">{t(`types.${u.type}`)}</TD>
      <TD className="num px-2">{u.memberCount}</TD>
      <TD className="px-2">{u.secretaryIsHead ? t("yes") : t("no")}</TD>
      <TD className="px-2">{u.fullTimeStaff ? t("fullTime") : t("partTime")}</TD>
      <TD className="num px-2" title={u.users > u.activeUsers ? t("usersInactive", { count: u.users - u.activeUsers }) : undefined}>
        {u.activeUsers}
        {u.users > u.activeUsers ? <span className="text-neutral-500">+{u.users - u.activeUsers}</span> : null}
      </TD>
      <TD className="px-2">{u.active ? <Badge tone="success">{t("active")}</Badge> : <Badge>{t("inactive")}</Badge>}</TD>
      <TD className="whitespace-nowrap py-1 pl-1 pr-4 text-xs">
        {u.active && canHaveChildren(u.type) ? (
          <button type="button" className={actionClass} onClick={() => props.onAction("addChild")}>
            {t("actions.addChild")}
          </button>
        ) : null}
        <button type="button" className={actionClass} onClick={() => props.onAction("edit")}>
          {t("actions.edit")}
        </button>
        {!isRoot ? (
          <button type="button" className={actionClass} onClick={() => props.onAction("move")}>
            {t("actions.move")}
          </button>
        ) : null}
        {!isRoot ? (
          <button
            type="button"
            className={cn(actionBase, u.active ? "text-neutral-600 hover:bg-neutral-100" : actionTone)}
            onClick={() => props.onAction("status")}
          >
            {u.active ? t("actions.deactivate") : t("actions.activate")}
          </button>
        ) : null}
      </TD>
    </TR>
  );
}
