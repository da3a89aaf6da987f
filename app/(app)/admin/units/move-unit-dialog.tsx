"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { Dialog, DialogActions } from "~/app/_components/ui/dialog";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { Select } from "~/app/_components/ui/select";
import { useTRPC } from "~/app/_lib/trpc/react";
import { UnitOptions, type AdminUnit } from "./unit-select";
import { useFormErrors } from "./use-form-errors";

/** Pick a new parent for a unit; its own subtree is not offered (the server refuses it anyway). */
export function MoveUnitDialog({
  unit,
  units,
  onClose,
  onDone,
}: {
  unit: AdminUnit;
  units: AdminUnit[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("adminUnits");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useFormErrors("adminUnits", "form.hasErrors");
  const [parentId, setParentId] = useState("");

  const outside = units.filter((u) => !u.path.startsWith(unit.path) && (u.active || !unit.active));
  const below = units.filter((u) => u.path.startsWith(unit.path)).length - 1;
  const move = useMutation(
    trpc.unit.move.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.unit.pathFilter());
        const parent = units.find((u) => u.id === Number(parentId));
        onDone(t("move.moved", { name: unit.name, parent: parent?.name ?? "" }));
      },
      onError: errors.show,
    }),
  );

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    errors.clear();
    move.mutate({ id: unit.id, parentId: Number(parentId) });
  };
  const err = errors.fields;

  return (
    <Dialog title={t("move.title")} description={t("move.intro", { name: unit.name, count: below })} closeLabel={t("close")} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <FormErrors errors={errors.fields} message={errors.summary} />
        <FormField id="move-parent" label={t("move.newParent")} error={err.parentId}>
          <Select
            {...fieldIds("move-parent", err.parentId)}
            value={parentId}
            invalid={!!err.parentId}
            autoFocus
            onChange={(e) => setParentId(e.target.value)}
          >
            <option value="" disabled>
              {t("move.choose")}
            </option>
            <UnitOptions
              units={outside}
              disabled={(u) => u.id === unit.parentId}
              suffix={(u) => (u.id === unit.parentId ? t("move.current") : u.active ? "" : `（${t("inactive")}）`)}
            />
          </Select>
        </FormField>
        <DialogActions>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="submit" disabled={move.isPending || parentId === ""}>
            {move.isPending ? t("move.moving") : t("move.submit")}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
