"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { Dialog, DialogActions } from "~/app/_components/ui/dialog";
import { fieldIds, FormField } from "~/app/_components/ui/form-field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { Notice } from "~/app/_components/ui/notice";
import { Select } from "~/app/_components/ui/select";
import { useTRPC } from "~/app/_lib/trpc/react";
import { moveRefusal } from "~/lib/unit-hierarchy";
import { UnitOptions, type AdminUnit } from "./unit-select";
import { useFormErrors } from "../_shared/use-form-errors";

/**
 * Pick a new parent for a unit — only parents the tree rule allows are offered (the server
 * refuses the others anyway) — see what moves with it, then confirm.
 */
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
  const r = useTranslations("unitRules");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useFormErrors("adminUnits", "form.hasErrors");
  const [parentId, setParentId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const preview = useQuery(trpc.unit.movePreview.queryOptions({ id: unit.id }));

  const targets = units.filter((u) => moveRefusal(unit, u) === null);
  const below = units.filter((u) => u.path.startsWith(unit.path)).length - 1;
  const parent = units.find((u) => u.id === Number(parentId));
  const move = useMutation(
    trpc.unit.move.mutationOptions({
      onSuccess: async (res) => {
        await queryClient.invalidateQueries(trpc.unit.pathFilter());
        onDone(r("move.moved", { name: unit.name, parent: parent?.name ?? "", count: res.moved }));
      },
      onError: (err) => {
        setConfirming(false);
        errors.show(err);
      },
    }),
  );

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    errors.clear();
    if (!confirming) setConfirming(true);
    else move.mutate({ id: unit.id, parentId: Number(parentId) });
  };
  const err = errors.fields;
  const p = preview.data;
  const counts = p ? r("move.counts", { units: p.units, users: p.activeUsers, reports: p.reports, cases: p.openCases }) : null;

  return (
    <Dialog
      title={t("move.title")}
      description={t("move.intro", { name: unit.name, count: below })}
      closeLabel={t("close")}
      onClose={onClose}
    >
      <form onSubmit={submit} noValidate className="space-y-3">
        <FormErrors errors={errors.fields} message={errors.summary} />
        <FormField
          id="move-parent"
          label={t("move.newParent")}
          hint={r("move.onlyValid", { type: t(`types.${unit.type}`) })}
          error={err.parentId}
        >
          <Select
            {...fieldIds("move-parent", err.parentId)}
            value={parentId}
            invalid={!!err.parentId}
            autoFocus
            disabled={confirming}
            onChange={(e) => setParentId(e.target.value)}
          >
            <option value="" disabled>
              {t("move.choose")}
            </option>
            <UnitOptions units={targets} suffix={(u) => r("move.option", { type: t(`types.${u.type}`), active: String(u.active) })} />
          </Select>
        </FormField>
        {targets.length === 0 ? <Notice tone="error">{r("move.noTarget", { type: t(`types.${unit.type}`) })}</Notice> : null}
        <div className="rounded border border-neutral-200 bg-neutral-50 px-3 py-2 text-sm" data-testid="move-counts">
          <p className="font-medium">{r("move.whatMoves")}</p>
          <p className="text-neutral-700">{counts ?? t("move.moving")}</p>
        </div>
        {confirming && parent ? (
          <div data-testid="move-confirm">
            <Notice tone="warning">
              {r("move.confirm", { name: unit.name, parent: parent.name, units: p?.units ?? 1, users: p?.activeUsers ?? 0 })}
            </Notice>
          </div>
        ) : null}
        <DialogActions>
          <Button type="button" variant="secondary" onClick={confirming ? () => setConfirming(false) : onClose}>
            {confirming ? r("move.back") : t("cancel")}
          </Button>
          <Button type="submit" disabled={move.isPending || parentId === "" || !p}>
            {move.isPending ? t("move.moving") : confirming ? r("move.confirmButton") : r("move.next")}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
