"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "~/app/_components/ui/button";
import { TextInput } from "~/app/_components/ui/field";
import { login, type LoginState } from "./actions";

export function LoginForm() {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState<LoginState, FormData>(login, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <div>
        <label htmlFor="username" className="mb-1 block text-sm font-medium">
          {t("username")}
        </label>
        <TextInput id="username" name="username" autoComplete="username" defaultValue={state.username} required autoFocus />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-medium">
          {t("password")}
        </label>
        <TextInput id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {state.error ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error === "throttled" ? t("throttled", { minutes: state.minutes ?? 1 }) : t(state.error)}
        </p>
      ) : null}
      <Button type="submit" className="h-9 w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
