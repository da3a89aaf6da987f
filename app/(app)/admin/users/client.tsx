"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { lazyDialog } from "~/app/_components/ui/lazy-dialog";
import { Card } from "~/app/_components/ui/card";
import { TextInput } from "~/app/_components/ui/field";
import { Notice } from "~/app/_components/ui/notice";
import { Select } from "~/app/_components/ui/select";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { roles, type Role } from "~/lib/codes";
import { UnitOptions } from "../units/unit-select";
import { firstPage, PAGE_SIZE } from "./list-input";
import { UserRow } from "./user-row";
import { Table, TBody, TH, THead, TR } from "~/app/_components/ui/table";
import type { AdminUser, UserAction } from "./types";

// The dialogs load on first open (lazyDialog): their forms are not part of the page's first load.
const ResetPasswordDialog = lazyDialog(() => import("./reset-password-dialog").then((m) => m.ResetPasswordDialog));
const UserFormDialog = lazyDialog(() => import("./user-form-dialog").then((m) => m.UserFormDialog));
const UserStatusDialog = lazyDialog(() => import("./user-status-dialog").then((m) => m.UserStatusDialog));

type Open = { action: "create" } | { action: UserAction; user: AdminUser } | null;

export function UsersAdmin({ actorId }: { actorId: number }) {
  const t = useTranslations("adminUsers");
  const tRoles = useTranslations("app.roles");
  const trpc = useTRPC();
  const [unitId, setUnitId] = useState("");
  const [role, setRole] = useState("");
  const [status, setStatus] = useState("");
  const [searchText, setSearchText] = useState("");
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Open>(null);
  const [flash, setFlash] = useState<string | null>(null);

  // Search as the admin types, but not on every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(searchText.trim());
      setPage(1);
    }, 300);
    return () => clearTimeout(timer);
  }, [searchText]);

  const input = {
    ...firstPage,
    page,
    ...(unitId ? { unitId: Number(unitId) } : {}),
    ...(role ? { role: role as Role } : {}),
    ...(status ? { active: status === "active" } : {}),
    ...(search ? { search } : {}),
  };
  const list = useQuery({ ...trpc.user.list.queryOptions(input), placeholderData: keepPreviousData });
  const units = useQuery(trpc.unit.adminList.queryOptions());
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));
  const filter = (set: (v: string) => void) => (e: React.ChangeEvent<HTMLSelectElement>) => {
    set(e.target.value);
    setPage(1);
  };
  const done = (message: string) => {
    setOpen(null);
    setFlash(message);
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
          <Select value={unitId} onChange={filter(setUnitId)}>
            <option value="">{t("filters.allUnits")}</option>
            <UnitOptions units={units.data ?? []} suffix={(u) => (u.active ? "" : `（${t("inactive")}）`)} />
          </Select>
        </label>
        <label className="w-40">
          <span className="mb-1 block text-neutral-600">{t("filters.role")}</span>
          <Select value={role} onChange={filter(setRole)}>
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
          <Select value={status} onChange={filter(setStatus)}>
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
      {list.error ? <Notice tone="error">{t("error", { message: describeError(list.error).message })}</Notice> : null}

      <Card>
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
              {(list.data?.items ?? []).map((u) => (
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
          {list.data?.items.length === 0 ? <p className="px-4 py-6 text-center text-sm text-neutral-500">{t("empty")}</p> : null}
        </div>
        <div className="flex items-center justify-end gap-3 border-t border-neutral-200 px-4 py-2 text-xs text-neutral-600">
          <span>{t("summary", { total: list.data?.total ?? 0, page, pages })}</span>
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
