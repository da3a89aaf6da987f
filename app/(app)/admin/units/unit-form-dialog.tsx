"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { TextInput } from "~/app/_components/ui/field";
import { Checkbox, fieldIds, FormField } from "~/app/_components/ui/form-field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { Select } from "~/app/_components/ui/select";
import { useTRPC } from "~/app/_lib/trpc/react";
import { type UnitType } from "~/lib/codes";
import { addQuarters, formatQuarter, quarterOf, quarterRange } from "~/lib/quarter";
import { allowedChildTypes, typesFitting } from "~/lib/unit-hierarchy";
import type { AdminUnit } from "./unit-select";
import { useFormErrors } from "../_shared/use-form-errors";
import { UnitPicker } from "~/app/_components/unit-picker/unit-picker";

/** Create a child of `unit` (mode "create") or edit `unit` itself (mode "edit"). */
export function UnitFormDialog({
  mode,
  unit,
  units,
  onClose,
  onDone,
}: {
  mode: "create" | "edit";
  unit: AdminUnit;
  /** The whole list, to find the parent's and children's types the type must fit. */
  units: AdminUnit[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("adminUnits");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useFormErrors("adminUnits", "form.hasErrors");
  const r = useTranslations("unitRules");
  const locale = useLocale();
  const editing = mode === "edit";
  // The parent chosen in the picker decides which types are offered (it starts as `unit`).
  const [pickedParentType, setPickedParentType] = useState<UnitType | null>(null);
  // Only the types the tree rule allows here (lib/unit-hierarchy.ts); the server checks again.
  const parentType = units.find((u) => u.id === unit.parentId)?.type ?? null;
  const offered: readonly UnitType[] = editing
    ? [
        ...new Set([
          ...typesFitting(
            parentType,
            units.filter((u) => u.parentId === unit.id).map((u) => u.type),
          ),
          unit.type,
        ]),
      ]
    : allowedChildTypes[pickedParentType ?? unit.type];
  const running = quarterOf(new Date());
  const startQuarters = quarterRange(addQuarters(running, -8), addQuarters(running, 1));
  const [startQuarter, setStartQuarter] = useState(running);

  // A new unit goes under the unit whose 添加下级 was clicked, shown and changeable in the picker.
  const [parentId, setParentId] = useState<number | null>(editing ? null : unit.id);
  const [name, setName] = useState(editing ? unit.name : "");
  const [type, setType] = useState<UnitType>(editing ? unit.type : offered.includes("branch") ? "branch" : (offered[0] ?? "branch"));
  const [members, setMembers] = useState(editing ? String(unit.memberCount) : "");
  const [secretaryIsHead, setSecretaryIsHead] = useState(editing ? unit.secretaryIsHead : false);
  const [fullTimeStaff, setFullTimeStaff] = useState(editing ? unit.fullTimeStaff : false);

  const onSuccess = async () => {
    await queryClient.invalidateQueries(trpc.unit.pathFilter());
    onDone(t(editing ? "form.updated" : "form.created", { name: name.trim() }));
  };
  const create = useMutation(trpc.unit.create.mutationOptions({ onSuccess, onError: errors.show }));
  const update = useMutation(trpc.unit.update.mutationOptions({ onSuccess, onError: errors.show }));
  const pending = create.isPending || update.isPending;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    errors.clear();
    // An empty or non-numeric count goes to the server as NaN, which answers on the field.
    const memberCount = members.trim() === "" ? Number.NaN : Number(members);
    const attrs = { name, type, memberCount, secretaryIsHead, fullTimeStaff };
    if (editing) update.mutate({ id: unit.id, ...attrs });
    else create.mutate({ parentId, ...attrs, startQuarter });
  };
  const err = errors.fields;

  return (
    <Dialog title={t(editing ? "form.editTitle" : "form.createTitle")} closeLabel={t("close")} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <FormErrors errors={errors.fields} message={errors.summary} />
        {!editing ? (
          <FormField id="unit-parent" label={t("form.parent")} error={err.parentId}>
            <UnitPicker
              id="unit-parent"
              value={parentId}
              showPath
              invalid={!!err.parentId}
              describedBy={err.parentId ? "unit-parent-error" : undefined}
              onChange={(u) => {
                setParentId(u.id);
                setPickedParentType(u.type as UnitType);
                const fits = allowedChildTypes[u.type as UnitType] ?? [];
                if (!fits.includes(type) && fits[0]) setType(fits.includes("branch") ? "branch" : fits[0]);
              }}
            />
          </FormField>
        ) : null}
        <FormField id="unit-name" label={t("form.name")} error={err.name}>
          <TextInput
            {...fieldIds("unit-name", err.name)}
            value={name}
            invalid={!!err.name}
            autoFocus
            onChange={(e) => setName(e.target.value)}
          />
        </FormField>
        <div className="grid grid-cols-2 gap-3">
          <FormField
            id="unit-type"
            label={t("form.type")}
            hint={
              editing
                ? r("form.typeHintEdit")
                : r("form.typeHint", {
                    parent: unit.name,
                    parentType: t(`types.${unit.type}`),
                    allowed: offered.map((c) => t(`types.${c}`)).join(locale.startsWith("zh") ? "、" : ", "),
                  })
            }
            error={err.type}
          >
            <Select
              {...fieldIds("unit-type", err.type)}
              value={type}
              invalid={!!err.type}
              onChange={(e) => setType(e.target.value as UnitType)}
            >
              {offered.map((code) => (
                <option key={code} value={code}>
                  {t(`types.${code}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField id="unit-members" label={t("form.memberCount")} hint={t("form.memberCountHint")} error={err.memberCount}>
            <TextInput
              {...fieldIds("unit-members", err.memberCount)}
              inputMode="numeric"
              className="text-right"
              value={members}
              invalid={!!err.memberCount}
              onChange={(e) => setMembers(e.target.value)}
            />
          </FormField>
        </div>
        <div className="grid grid-cols-2 items-end gap-3">
          <FormField id="unit-staffing" label={t("form.staffing")} error={err.fullTimeStaff}>
            <Select
              {...fieldIds("unit-staffing", err.fullTimeStaff)}
              value={fullTimeStaff ? "full" : "part"}
              onChange={(e) => setFullTimeStaff(e.target.value === "full")}
            >
              <option value="full">{t("fullTime")}</option>
              <option value="part">{t("partTime")}</option>
            </Select>
          </FormField>
          <div className="pb-1.5">
            <Checkbox
              id="unit-secretary-is-head"
              label={t("form.secretaryIsHead")}
              checked={secretaryIsHead}
              onChange={(e) => setSecretaryIsHead(e.target.checked)}
            />
          </div>
        </div>
        {!editing ? (
          <FormField id="unit-start-quarter" label={r("form.startQuarter")} hint={r("form.startQuarterHint")} error={err.startQuarter}>
            <Select
              {...fieldIds("unit-start-quarter", err.startQuarter)}
              value={startQuarter}
              invalid={!!err.startQuarter}
              onChange={(e) => setStartQuarter(e.target.value)}
            >
              {startQuarters.map((q) => (
                <option key={q} value={q}>
                  {formatQuarter(q, locale)}
                </option>
              ))}
            </Select>
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
