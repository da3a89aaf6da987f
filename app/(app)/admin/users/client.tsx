"use client";

import { useRefresh } from "~/app/_lib/use-refresh";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useEffect, useState, useTransition } from "react";
import { Button } from "~/app/_components/ui/button";
import { lazyDialog } from "~/app/_components/ui/lazy-dialog";
import { Card } from "~/app/_components/ui/card";
import { TextInput } from "~/app/_components/ui/field";
import { Notice } from "~/app/_components/ui/notice";
import { Select } from "~/app/_components/ui/select";
import { cn } from "~/app/_lib/cn";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { roles } from "~/lib/codes";
import { UnitOptions, type AdminUnit } from "../units/unit-select";
import { PAGE_SIZE, usersListParsers, type UsersListParams } from "./params";
import { UserRow } from "./user-row";
import { Table, TBody, TH, THead, TR } from "~/app/_components/ui/table";
import type { AdminUser, UserAction } from "./types";

// The dialogs load on first open (lazyDialog): their forms are not part of the page's first load.
const ResetPasswordDialog = lazyDialog(() => import("./reset-password-dialog").then((m) => m.ResetPasswordDialog));
const UserFormDialog = lazyDialog(() => import("./user-form-dialog").then((m) => m.UserFormDialog));
const UserStatusDialog = lazyDialog(() => import("./user-status-dialog").then((m) => m.UserStatusDialog));

type Open = { action: "create" } | { action: UserAction; user: AdminUser } | null;

/**
 * The accounts list, rendered from the server's read (`list`, `units` for the unit filter). The
 * filters and page live in the URL: a change asks the server for the page again, and the table
 * dims until it is there. After a dialog saves, the page is read again.
 */
export function UsersAdmin(props: { actorId: number; list: PageRead<RouterOutputs["user"]["list"]>; units: AdminUnit[] }) {
  const { actorId, list } = props;
  const t = useTranslations("adminUsers");
  const tRoles = useTranslations("app.roles");
  const { refresh } = useRefresh();
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(usersListParsers, { history: "push", scroll: false, shallow: false, startTransition });
  const [open, setOpen] = useState<Open>(null);
  const [flash, setFlash] = useState<string | null>(null);

  // The search box follows the URL (the back button) and sets it as the admin types, but not on every keystroke.
  const urlSearch = params.q ?? "";
  const [searchText, setSearchText] = useState(urlSearch);
  const [seenSearch, setSeenSearch] = useState(urlSearch);
  // What the box last sent: its own change coming back must not overwrite what was typed since.
  const [sentSearch, setSentSearch] = useState<string | null>(null);
  if (urlSearch !== seenSearch) {
    setSeenSearch(urlSearch);
    if (urlSearch !== sentSearch) setSearchText(urlSearch);
  }
  useEffect(() => {
    const typed = searchText.trim();
    if (typed === urlSearch.trim()) return;
    const timer = setTimeout(() => {
      setSentSearch(typed);
      void setParams({ q: typed || null, page: null }, { history: "replace" });
    }, 300);
    return () => clearTimeout(timer);
  }, [searchText, urlSearch, setParams]);

  const page = params.page ?? 1;
  const data = list.ok ? list.data : null;
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE));
  const setPage = (p: number) => void setParams({ page: p > 1 ? p : null });
  const done = (message: string) => {
    setOpen(null);
    refresh(() => setFlash(message));
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-4 rounded border border-neutral-200 bg-white px-4 py-3">
        <div className="mr-auto">
          <h1 className="text-lg font-semibold">{t("heading")}</h1>
          <p className="mt-0.5 max-w-3xl text-xs text-neutral-500">{t("description")}</p>
        </div>
        <Button
          type="button"
          onClick={() => {
            setFlash(null);
            setOpen({ action: "create" });
          }}
        >
          {t("create")}
        </Button>
      </div>

      <div className="flex flex-wrap items-end gap-3 rounded border border-neutral-200 bg-white px-4 py-3 text-sm">
        <label className="w-72">
          <span className="mb-1 block text-neutral-600">{t("filters.unit")}</span>
          <Select
            value={params.unit ?? ""}
            onChange={(e) => void setParams({ unit: e.target.value ? Number(e.target.value) : null, page: null })}
          >
            <option value="">{t("filters.allUnits")}</option>
            <UnitOptions units={props.units} suffix={(u) => (u.active ? "" : `（${t("inactive")}）`)} />
          </Select>
        </label>
        <label className="w-40">
          <span className="mb-1 block text-neutral-600">{t("filters.role")}</span>
          <Select
            value={params.role ?? ""}
            onChange={(e) => void setParams({ role: (e.target.value || null) as UsersListParams["role"], page: null })}
          >
            <option value="">{t("filters.allRoles")}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {tRoles(r)}
              </option>
            ))}
          </Select>
        </label>
        <label className="w-28">
          <span className="mb-1 block text-neutral-600">{t("filters.status")}</span>
          <Select
            value={params.status ?? ""}
            onChange={(e) => void setParams({ status: (e.target.value || null) as UsersListParams["status"], page: null })}
          >
            <option value="">{t("filters.allStatuses")}</option>
            <option value="active">{t("active")}</option>
            <option value="inactive">{t("inactive")}</option>
          </Select>
        </label>
        <label className="w-56">
          <span className="mb-1 block text-neutral-600">{t("filters.search")}</span>
          <TextInput
            type="search"
            value={searchText}
            placeholder={t("filters.searchPlaceholder")}
            onChange={(e) => setSearchText(e.target.value)}
          />
        </label>
      </div>

      {flash ? <Notice tone="success">{flash}</Notice> : null}
      {!list.ok ? <Notice tone="error">{t("error", { message: list.message })}</Notice> : null}

      <Card className={cn("transition-opacity", pending && "opacity-60")} aria-busy={pending || undefined}>
        <div className="overflow-x-auto">
          <Table className="min-w-[56rem]" data-testid="users-table">
            <THead className="bg-neutral-50 text-left text-xs text-neutral-500">
              <TR>
                <TH className="py-2 pl-4 pr-2 font-normal">{t("columns.username")}</TH>
                <TH className="px-2 font-normal">{t("columns.displayName")}</TH>
                <TH className="px-2 font-normal">{t("columns.role")}</TH>
                <TH className="px-2 font-normal">{t("columns.unit")}</TH>
                <TH className="px-2 font-normal">{t("columns.status")}</TH>
                <TH className="py-2 pl-2 pr-4 font-normal">{t("columns.actions")}</TH>
              </TR>
            </THead>
            <TBody>
              {(data?.items ?? []).map((u) => (
                <UserRow
                  key={u.id}
                  user={u}
                  self={u.id === actorId}
                  onAction={(action) => {
                    setFlash(null);
                    setOpen({ action, user: u });
                  }}
                />
              ))}
            </TBody>
          </Table>
          {data?.items.length === 0 ? <p className="px-4 py-6 text-center text-sm text-neutral-500">{t("empty")}</p> : null}
        </div>
        <div className="flex items-center justify-end gap-3 border-t border-neutral-200 px-4 py-2 text-xs text-neutral-600">
          <span>{t("summary", { total: data?.total ?? 0, page, pages })}</span>
          <Button type="button" variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t("prev")}
          </Button>
          <Button type="button" variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t("next")}
          </Button>
        </div>
      </Card>

      {open?.action === "create" ? <UserFormDialog onClose={() => setOpen(null)} onDone={done} /> : null}
      {open?.action === "edit" ? (
        <UserFormDialog user={open.user} self={open.user.id === actorId} onClose={() => setOpen(null)} onDone={done} />
      ) : null}
      {open?.action === "resetPassword" ? <ResetPasswordDialog user={open.user} onClose={() => setOpen(null)} onDone={done} /> : null}
      {open?.action === "status" ? <UserStatusDialog user={open.user} onClose={() => setOpen(null)} onDone={done} /> : null}
    </div>
  );
}
