"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startTransition, useEffect, useState } from "react";
import { Button } from "~/app/_components/ui/button";
import { Card } from "~/app/_components/ui/card";

type Cause = "checking" | "database" | "other";

/**
 * A page that failed on the server. Production hides the error's message from the browser,
 * so the page asks /api/health whether the database is the cause, and offers a retry that
 * re-renders on the server: once the database is back, the page works without a restart.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  const router = useRouter();
  const [cause, setCause] = useState<Cause>("checking");

  useEffect(() => {
    let live = true;
    fetch("/api/health", { cache: "no-store" })
      .then((res) => live && setCause(res.status === 503 ? "database" : "other"))
      .catch(() => live && setCause("other"));
    return () => {
      live = false;
    };
  }, [error]);

  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });

  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <Card className="space-y-3 px-5 py-5">
        <h1 className="text-lg font-semibold text-neutral-900">{t("title")}</h1>
        <p role="alert" className="text-sm text-neutral-700">
          {cause === "checking" ? t("checking") : cause === "database" ? t("database") : t("other")}
        </p>
        {error.digest ? <p className="text-xs text-neutral-500">{t("reference", { digest: error.digest })}</p> : null}
        <Button type="button" onClick={retry}>
          {t("retry")}
        </Button>
      </Card>
    </main>
  );
}
