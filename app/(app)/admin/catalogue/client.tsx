"use client";

import { useRefresh } from "~/app/_lib/use-refresh";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { lazyDialog } from "~/app/_components/ui/lazy-dialog";
import { Notice } from "~/app/_components/ui/notice";
import { CategoryWeights } from "./category-weights";
import { IndicatorTable, type IndicatorAction } from "./indicator-table";
import { useQuarterLabel, type Catalogue, type CatalogueIndicator } from "./use-catalogue";

// The dialogs load on first open (lazyDialog): their forms are not part of the page's first load.
const AddIndicatorDialog = lazyDialog(() => import("./add-indicator-dialog").then((m) => m.AddIndicatorDialog));
const RetireDialog = lazyDialog(() => import("./retire-dialog").then((m) => m.RetireDialog));
const RulesDialog = lazyDialog(() => import("./rules-dialog").then((m) => m.RulesDialog));
const TextsDialog = lazyDialog(() => import("./texts-dialog").then((m) => m.TextsDialog));

type Open = { action: IndicatorAction; indicator: CatalogueIndicator } | { action: "add" } | null;

/** The catalogue read on the server; after a dialog saves, the page is read again. */
export function CatalogueClient({ catalogue: data }: { catalogue: Catalogue }) {
  const t = useTranslations();
  const { refresh } = useRefresh();
  const quarterLabel = useQuarterLabel();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const close = () => setOpen(null);
  const done = (text: string) => {
    setOpen(null);
    refresh(() => setNotice(text));
  };
  const act = (action: IndicatorAction, indicator: CatalogueIndicator) => {
    setNotice(null);
    setOpen({ action, indicator });
  };

  return (
    <div className="space-y-4">
      <div className="rounded border border-neutral-200 bg-white px-4 py-3">
        <div className="flex flex-wrap items-center gap-4">
          <h1 className="text-lg font-semibold">{t("adminCatalogue.heading")}</h1>
          <span className="text-sm text-neutral-600">
            {t("adminCatalogue.runningQuarter", { quarter: quarterLabel(data.runningQuarter) })}
          </span>
          <Button className="ml-auto" onClick={() => setOpen({ action: "add" })}>
            {t("adminCatalogue.add")}
          </Button>
        </div>
        <p className="mt-1 max-w-4xl text-xs text-neutral-600">{t("adminCatalogue.intro")}</p>
        <p className="mt-1 text-xs font-medium text-neutral-800" data-testid="open-from">
          {data.latestApprovedQuarter
            ? t("adminCatalogue.frozenUntil", {
                quarter: quarterLabel(data.latestApprovedQuarter),
                first: quarterLabel(data.defaultValidFrom),
              })
            : t("adminCatalogue.allOpen")}
        </p>
      </div>
      {notice ? <Notice tone="success">{notice}</Notice> : null}

      <CategoryWeights catalogue={data} onDone={done} />
      {data.categories.map((c) => (
        <IndicatorTable key={c.code} category={c} indicators={data.indicators.filter((i) => i.categoryCode === c.code)} onAction={act} />
      ))}

      {open?.action === "add" ? <AddIndicatorDialog catalogue={data} onClose={close} onDone={done} /> : null}
      {open?.action === "rules" ? <RulesDialog catalogue={data} indicator={open.indicator} onClose={close} onDone={done} /> : null}
      {open?.action === "texts" ? <TextsDialog indicator={open.indicator} onClose={close} onDone={done} /> : null}
      {open?.action === "retire" ? <RetireDialog catalogue={data} indicator={open.indicator} onClose={close} onDone={done} /> : null}
    </div>
  );
}
