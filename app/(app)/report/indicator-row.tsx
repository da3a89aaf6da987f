"use client";

import { useTranslations } from "next-intl";
import { FieldError, inputClass, TextInput } from "~/app/_components/ui/field";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { cn } from "~/app/_lib/cn";
import { TD, TR } from "~/app/_components/ui/table";

export type IndicatorItem = RouterOutputs["indicator"]["list"][number];

const fmt1 = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toFixed(1));

export function IndicatorRow(props: {
  indicator: IndicatorItem;
  locale: string;
  value: string;
  score: number | null | undefined;
  error?: string;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  const t = useTranslations("report");
  const { indicator: ind, locale } = props;
  const en = !locale.startsWith("zh");
  const id = `value-${ind.code}`;
  const nameId = `name-${ind.code}`;
  const errorId = `error-${ind.code}`;
  const help = en ? ind.helpEn || ind.help : ind.help;
  const target =
    ind.kind === "boolean" ? t("targetBoolean") : t(ind.direction === "lower" ? "targetLower" : "targetHigher", { target: ind.target });
  const sourceNote = ind.source === "meetings" ? t("computedSource") : ind.source === "cases" ? t("casesSource") : null;
  const common = {
    id,
    name: ind.code,
    disabled: props.disabled,
    "aria-labelledby": nameId,
    "aria-describedby": props.error ? errorId : undefined,
    "aria-invalid": props.error ? true : undefined,
  } as const;

  return (
    <TR
      className="grid grid-cols-[auto_auto_minmax(0,1fr)_auto] items-center gap-x-3 border-t border-neutral-100 px-4 py-2 align-top sm:table-row sm:p-0"
      data-indicator={ind.code}
    >
      <TD className="col-span-4 pb-2 sm:py-2 sm:pl-4 sm:pr-2">
        <div id={nameId} className="font-medium">
          {en ? ind.nameEn : ind.name}
          {ind.required ? (
            <span data-not-label className="ml-1 text-xs text-party">
              *{t("required")}
            </span>
          ) : null}
        </div>
        <p className="mt-0.5 text-xs text-neutral-500">{help}</p>
        {sourceNote ? <p className="mt-0.5 text-xs text-amber-700">{sourceNote}</p> : null}
      </TD>
      <TD className="order-2 whitespace-nowrap text-neutral-600 sm:order-none sm:px-2 sm:py-2">{en ? ind.unitEn : ind.unit}</TD>
      <TD className="num order-1 whitespace-nowrap text-neutral-600 sm:order-none sm:px-2 sm:py-2">{target}</TD>
      <TD className="order-3 sm:order-none sm:px-2 sm:py-2">
        {ind.source === "meetings" ? (
          // Computed from the meeting records on every save: shown, never typed.
          <output
            id={id}
            aria-labelledby={nameId}
            data-computed
            className="num block h-8 rounded border border-dashed border-neutral-300 bg-neutral-50 px-2 text-right leading-8 text-neutral-800"
          >
            {fmt1(props.value.trim() === "" ? null : Number(props.value))}
          </output>
        ) : ind.kind === "boolean" ? (
          <select
            {...common}
            className={cn(inputClass, props.error && "border-red-600")}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
          >
            <option value="">—</option>
            <option value="1">1 · {t("yes")}</option>
            <option value="0">0 · {t("no")}</option>
          </select>
        ) : (
          <TextInput
            {...common}
            inputMode="decimal"
            autoComplete="off"
            className="text-right"
            invalid={!!props.error}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
          />
        )}
        <FieldError id={errorId} message={props.error} />
      </TD>
      <TD className="num order-4 text-neutral-700 sm:order-none sm:py-2 sm:pl-2 sm:pr-4">{fmt1(props.score)}</TD>
    </TR>
  );
}
