import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "~/app/_components/language-switch";
import { Notice } from "~/app/_components/ui/notice";
import { currentActor } from "~/app/_lib/session";
import { readEnv } from "~/env";
import { loginNotice, type LoginSearch } from "./notice";
import { LoginForm } from "./login-form";
import { ClientMessages } from "~/app/_lib/client-messages";

// The demo accounts are named only where demo data runs (`npm run demo`, `next dev`, the e2e server).
const env = readEnv();
const showDemoHint = env.DJZL_DEMO === "1" || env.NODE_ENV !== "production";

export default async function LoginPage({ searchParams }: { searchParams: Promise<LoginSearch> }) {
  if (await currentActor()) redirect("/");
  const t = await getTranslations();
  const notice = loginNotice(await searchParams);
  return (
    <ClientMessages entry="login/page">
      <main className="flex min-h-screen flex-col items-center justify-center px-4">
        <div className="w-full max-w-sm rounded border border-neutral-200 bg-white shadow-sm">
          <div className="border-t-4 border-party px-6 pb-2 pt-6">
            <h1 className="text-xl font-semibold text-party">{t("app.title")}</h1>
            <p className="mt-1 text-sm text-neutral-500">{t("app.subtitle")}</p>
          </div>
          <div className="px-6 pb-6 pt-4">
            <h2 className="mb-4 text-base font-medium">{t("login.heading")}</h2>
            {notice ? (
              <Notice tone={notice.tone} className="mb-4">
                {t(`login.${notice.key}`, { minutes: notice.minutes ?? 1 })}
              </Notice>
            ) : null}
            <LoginForm />
            {showDemoHint ? <p className="mt-4 text-xs text-neutral-500">{t("login.hint")}</p> : null}
          </div>
        </div>
        <div className="mt-4">
          <LanguageSwitch />
        </div>
      </main>
    </ClientMessages>
  );
}
