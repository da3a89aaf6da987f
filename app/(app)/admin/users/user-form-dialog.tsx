"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { TextInput } from "~/app/_components/ui/field";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { Select } from "~/app/_components/ui/select";
import { useTRPC } from "~/app/_lib/trpc/react";
import { roles, type Role } from "~/lib/codes";
import { UnitPicker } from "~/app/_components/unit-picker/unit-picker";
import { useFormErrors } from "../_shared/use-form-errors";
import type { AdminUser } from "./types";

/** New user (no `user`), or change an existing user's name, role and unit. */
export function UserFormDialog({
  user,
  self = false,
  onClose,
  onDone,
}: {
  user?: AdminUser;
  self?: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("adminUsers");
  const tRoles = useTranslations("app.roles");
  const trpc = useTRPC();
  const errors = useFormErrors("adminUsers", "hasErrors");

  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState(user?.displayName ?? "");
  const [role, setRole] = useState<Role>(user?.role ?? "staff");
  const [unitId, setUnitId] = useState(user ? String(user.unitId) : "");
  const [password, setPassword] = useState("");

  // The page reads itself again after onDone (the list, and the user counts per unit).
  const onSuccess = () =>
    onDone(
      user ? t("form.updated", { name: displayName.trim() }) : t("form.created", { name: displayName.trim(), username: username.trim() }),
    );
  const create = useMutation(trpc.user.create.mutationOptions({ onSuccess, onError: errors.show }));
  const update = useMutation(trpc.user.update.mutationOptions({ onSuccess, onError: errors.show }));
  const pending = create.isPending || update.isPending;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    errors.clear();
    // An unchosen unit goes as 0, which the server answers on the unit field.
    if (user) update.mutate({ id: user.id, displayName, role, unitId: Number(unitId) });
    else create.mutate({ username, displayName, role, unitId: Number(unitId), password });
  };
  const err = errors.fields;

  return (
    <Dialog
      title={user ? t("form.editTitle", { username: user.username }) : t("form.createTitle")}
      closeLabel={t("close")}
      onClose={onClose}
    >
      <form onSubmit={submit} noValidate className="space-y-3">
        <FormErrors errors={errors.fields} message={errors.summary} />
        {!user ? (
          <FormField id="user-username" label={t("form.username")} hint={t("form.usernameHint")} error={err.username}>
            <TextInput
              {...fieldIds("user-username", err.username)}
              value={username}
              invalid={!!err.username}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              onChange={(e) => setUsername(e.target.value)}
            />
          </FormField>
        ) : null}
        <FormField id="user-display-name" label={t("form.displayName")} error={err.displayName}>
          <TextInput
            {...fieldIds("user-display-name", err.displayName)}
            value={displayName}
            invalid={!!err.displayName}
            autoFocus={!!user}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </FormField>
        <div className="grid grid-cols-[10rem_1fr] gap-3">
          <FormField id="user-role" label={t("form.role")} error={err.role}>
            <Select
              {...fieldIds("user-role", err.role)}
              value={role}
              invalid={!!err.role}
              onChange={(e) => setRole(e.target.value as Role)}
            >
              {roles.map((r) => (
                <option key={r} value={r} disabled={self && r !== "admin"}>
                  {tRoles(r)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField id="user-unit" label={t("form.unit")} error={err.unitId}>
            <UnitPicker
              id="user-unit"
              value={unitId ? Number(unitId) : null}
              showPath
              invalid={!!err.unitId}
              describedBy={err.unitId ? "user-unit-error" : undefined}
              onChange={(u) => setUnitId(String(u.id))}
            />
          </FormField>
        </div>
        {!user ? (
          <FormField id="user-password" label={t("form.password")} hint={t("form.passwordHint")} error={err.password}>
            <TextInput
              {...fieldIds("user-password", err.password)}
              type="password"
              autoComplete="new-password"
              value={password}
              invalid={!!err.password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </FormField>
        ) : null}
        <DialogFormActions
          cancelLabel={t("cancel")}
          onCancel={onClose}
          pending={pending}
          pendingLabel={t("form.saving")}
          submitLabel={t("form.save")}
        />
      </form>
    </Dialog>
  );
}
