"use client";

import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Dialog, DialogFormActions } from "~/app/_components/ui/dialog";
import { TextInput } from "~/app/_components/ui/field";
import { FormErrors } from "~/app/_components/ui/form-errors";
import { Checkbox, fieldIds, FormField } from "~/app/_components/ui/form-field";
import { Select } from "~/app/_components/ui/select";
import { formatDate } from "~/app/_lib/format-date";
import { useTRPC } from "~/app/_lib/trpc/react";
import { useServerErrors } from "~/app/_lib/use-server-errors";
import { officerPosts, type OfficerPost } from "~/lib/codes";
import type { FoundPerson, RosterOfficer } from "./types";

/** Add a tenure to the unit's roster (optionally continuing an existing person), or correct one (`officer`). */
export function OfficerDialog(props: {
  unitId: number;
  unitName: string;
  officer?: RosterOfficer;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { officer } = props;
  const t = useTranslations("officers");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useServerErrors();
  const [person, setPerson] = useState<FoundPerson | null>(null);
  const [name, setName] = useState(officer?.name ?? "");
  const [post, setPost] = useState<OfficerPost>(officer?.post ?? "secretary");
  const [fullTime, setFullTime] = useState(officer?.fullTime ?? false);
  const [concurrentHead, setConcurrentHead] = useState(officer?.concurrentHead ?? false);
  const [from, setFrom] = useState(officer?.fromDate ?? "");
  const [to, setTo] = useState(officer?.toDate ?? "");

  const onSuccess = async () => {
    await queryClient.invalidateQueries(trpc.officer.pathFilter());
    props.onDone(officer ? t("form.updated", { name: name.trim() }) : t("form.created", { name: name.trim() }));
  };
  const create = useMutation(trpc.officer.create.mutationOptions({ onSuccess, onError: errors.show }));
  const update = useMutation(trpc.officer.update.mutationOptions({ onSuccess, onError: errors.show }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    errors.clear();
    const fields = { name, post, fullTime, concurrentHead, from, to: to || null };
    if (officer) update.mutate({ id: officer.id, version: officer.version, ...fields });
    else create.mutate({ unitId: props.unitId, ...fields, ...(person ? { personId: person.id, name: person.name } : {}) });
  };
  const err = errors.fields;

  return (
    <Dialog
      title={officer ? t("form.editTitle", { name: officer.name }) : t("form.createTitle", { unit: props.unitName })}
      closeLabel={t("form.close")}
      onClose={props.onClose}
      className="w-[36rem]"
    >
      <form onSubmit={submit} noValidate className="space-y-3">
        <FormErrors errors={err} message={errors.problem} />
        {!officer ? (
          <PersonSearch
            chosen={person}
            onChoose={(p) => {
              setPerson(p);
              if (p) setName(p.name);
            }}
            error={err.personId}
          />
        ) : null}
        <FormField id="officer-name" label={t("form.name")} error={err.name}>
          <TextInput
            {...fieldIds("officer-name", err.name)}
            value={name}
            invalid={!!err.name}
            readOnly={!!person}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
          />
        </FormField>
        <div className="grid grid-cols-3 gap-3">
          <FormField id="officer-post" label={t("form.post")} error={err.post}>
            <Select
              {...fieldIds("officer-post", err.post)}
              value={post}
              invalid={!!err.post}
              onChange={(e) => setPost(e.target.value as OfficerPost)}
            >
              {officerPosts.map((p) => (
                <option key={p} value={p}>
                  {t(`posts.${p}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField id="officer-from" label={t("form.from")} error={err.from} className="col-span-2">
            <TextInput
              {...fieldIds("officer-from", err.from)}
              type="date"
              value={from}
              invalid={!!err.from}
              onChange={(e) => setFrom(e.target.value)}
            />
          </FormField>
        </div>
        <FormField id="officer-to" label={t("form.to")} hint={t("form.toHint")} error={err.to}>
          <TextInput
            {...fieldIds("officer-to", err.to)}
            type="date"
            value={to}
            invalid={!!err.to}
            onChange={(e) => setTo(e.target.value)}
          />
        </FormField>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <Checkbox label={t("form.fullTime")} checked={fullTime} onChange={(e) => setFullTime(e.target.checked)} />
          <Checkbox label={t("form.concurrentHead")} checked={concurrentHead} onChange={(e) => setConcurrentHead(e.target.checked)} />
        </div>
        <DialogFormActions
          cancelLabel={t("form.cancel")}
          onCancel={props.onClose}
          pending={create.isPending || update.isPending}
          pendingLabel={t("form.saving")}
          submitLabel={t("form.save")}
        />
      </form>
    </Dialog>
  );
}

/** 已有人员: search people by name and choose one, whose record then continues on this unit. */
function PersonSearch({
  chosen,
  onChoose,
  error,
}: {
  chosen: FoundPerson | null;
  onChoose: (p: FoundPerson | null) => void;
  error?: string;
}) {
  const t = useTranslations("officers");
  const locale = useLocale();
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  useEffect(() => {
    const id = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(id);
  }, [text]);
  const found = useQuery(trpc.officer.people.queryOptions(query && !chosen ? { query } : skipToken));
  const tenures = (p: FoundPerson) =>
    p.tenures
      .map(
        (x) =>
          `${x.unitName}${t(`posts.${x.post}`)}（${x.toDate ? t("roster.term", { from: formatDate(x.fromDate, locale), to: formatDate(x.toDate, locale) }) : t("roster.termOpen", { from: formatDate(x.fromDate, locale) })}）`,
      )
      .join("；");

  if (chosen)
    return (
      <div className="rounded border border-green-200 bg-green-50 px-3 py-2 text-sm" data-testid="chosen-person">
        <p>{t("form.chosen", { name: chosen.name })}</p>
        <p className="text-xs text-neutral-600">{tenures(chosen)}</p>
        <button type="button" className="mt-1 text-xs text-blue-800 hover:underline" onClick={() => onChoose(null)}>
          {t("form.clearChosen")}
        </button>
      </div>
    );
  return (
    <FormField id="officer-person" label={t("form.existing")} hint={t("form.existingHint")} error={error}>
      <TextInput
        {...fieldIds("officer-person", error)}
        type="search"
        value={text}
        invalid={!!error}
        autoComplete="off"
        placeholder={t("form.searchPlaceholder")}
        onChange={(e) => setText(e.target.value)}
      />
      {query && found.data ? (
        found.data.length === 0 ? (
          <p className="mt-1 text-xs text-neutral-500">{t("form.noMatch")}</p>
        ) : (
          <ul className="mt-1 max-h-40 overflow-y-auto rounded border border-neutral-200 text-sm">
            {found.data.map((p) => (
              <li key={p.id} className="flex items-center gap-2 border-b border-neutral-100 px-2 py-1 last:border-0">
                <span className="min-w-0 flex-1">{t("form.personTenures", { name: p.name, tenures: tenures(p) })}</span>
                <button type="button" className="shrink-0 rounded px-1.5 text-blue-800 hover:bg-blue-50" onClick={() => onChoose(p)}>
                  {t("form.choose")}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </FormField>
  );
}
