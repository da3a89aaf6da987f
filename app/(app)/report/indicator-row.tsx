"use client";

import { useTranslations } from "next-intl";
import { FieldError, inputClass, TextInput } from "~/app/_components/ui/field";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { cn } from "~/app/_lib/cn";

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
    ind.kind === "boolean"
      ? t("targetBoolean")
      : t(ind.direction === "lower" ? "targetLower" : "targetHigher", { target: ind.target });
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
    <tr className="border-t border-neutral-100 align-top" data-indicator={ind.code}>
      <td className="py-2 pl-4 pr-2">
        <div id={nameId} className="font-medium">
          {en ? ind.nameEn : ind.name}
          {ind.required ? <span className="ml-1 text-xs text-party">*{t("required")}</span> : null}
        </div>
        <p className="mt-0.5 text-xs text-neutral-500">{help}</p>
        {sourceNote ? <p className="mt-0.5 text-xs text-amber-700">{sourceNote}</p> : null}
      </td>
      <td className="whitespace-nowrap px-2 py-2 text-neutral-600">{en ? ind.unitEn : ind.unit}</td>
      <td className="num whitespace-nowrap px-2 py-2 text-neutral-600">{target}</td>
      <td className="px-2 py-2">
        {ind.kind === "boolean" ? (
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
      </td>
      <td className="num py-2 pl-2 pr-4 text-neutral-700">{fmt1(props.score)}</td>
    </tr>
  );
}
