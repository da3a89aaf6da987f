"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { lazyDialog } from "~/app/_components/ui/lazy-dialog";
import { categoryColors } from "~/app/_lib/categories";
import { useQuarterLabel, type Catalogue, type CatalogueCategory } from "./use-catalogue";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";

// The form and the query layer load when it first opens (lazyDialog).
const WeightDialog = lazyDialog(() => import("./weight-dialog").then((m) => m.WeightDialog));

const fmt = (n: number | null) => (n === null ? "—" : String(n));

/** The six category weights in the composite, each with its history and a form to change it. */
export function CategoryWeights({ catalogue, onDone }: { catalogue: Catalogue; onDone: (text: string) => void }) {
  const t = useTranslations();
  const quarterLabel = useQuarterLabel();
  const [editing, setEditing] = useState<CatalogueCategory | null>(null);
  return (
    <Card aria-labelledby="category-weights">
      <CardHeader title={t("adminCatalogue.categoryWeights")} description={t("adminCatalogue.categoryWeightsDesc")} />
      <Table data-testid="category-weights">
        <THead className="bg-neutral-50 text-left text-xs text-neutral-500">
          <TR>
            <TH className="py-1.5 pl-4 pr-2 font-normal">{t("adminCatalogue.columns.category")}</TH>
            <TH className="num w-24 px-2 font-normal">{t("adminCatalogue.columns.weight")}</TH>
            <TH className="w-36 px-2 font-normal">{t("adminCatalogue.columns.since")}</TH>
            <TH className="px-2 font-normal">{t("adminCatalogue.columns.history")}</TH>
            <TH className="w-28 py-1.5 pl-2 pr-4 text-right font-normal">{t("adminCatalogue.columns.actions")}</TH>
          </TR>
        </THead>
        <TBody>
          {catalogue.categories.map((c) => {
            const inForce = c.history.find((h) => h.inForce);
            return (
              <TR key={c.code} className="border-t border-neutral-100">
                <TD className="py-1.5 pl-4 pr-2">
                  <span
                    aria-hidden
                    className="mr-2 inline-block h-2.5 w-2.5 rounded-sm align-middle"
                    style={{ background: categoryColors[c.code] }}
                  />
                  {t(`categories.${c.code}`)}
                </TD>
                <TD className="num px-2 font-medium">{fmt(c.weight)}</TD>
                <TD className="px-2 text-neutral-600">{quarterLabel(inForce?.validFrom ?? null)}</TD>
                <TD className="px-2 text-xs text-neutral-600">
                  {c.history.map((h, i) => (
                    <span key={h.validFrom} className={h.inForce ? "font-medium text-neutral-900" : undefined}>
                      {i > 0 ? " → " : ""}
                      {quarterLabel(h.validFrom)} {h.weight}
                    </span>
                  ))}
                </TD>
                <TD className="whitespace-nowrap py-1.5 pl-2 pr-4 text-right">
                  <Button variant="ghost" className="h-7 px-2 text-xs" onClick={() => setEditing(c)}>
                    {t("adminCatalogue.actions.weight")}
                  </Button>
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
      {editing ? (
        <WeightDialog
          catalogue={catalogue}
          category={editing}
          onClose={() => setEditing(null)}
          onDone={(text) => {
            setEditing(null);
            onDone(text);
          }}
        />
      ) : null}
    </Card>
  );
}
