import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "~/app/_components/language-switch";
import { auth } from "~/server/auth";
import { LoginForm } from "./login-form";

// The demo accounts are named only where demo data runs (`npm run demo`, `next dev`, the e2e server).
const showDemoHint = process.env.DJZL_DEMO === "1" || process.env.NODE_ENV !== "production";

export default async function LoginPage() {
  if ((await auth())?.user?.id) redirect("/");
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4">
      <div className="w-full max-w-sm rounded border border-neutral-200 bg-white shadow-sm">
        <div className="border-t-4 border-party px-6 pb-2 pt-6">
          <h1 className="text-xl font-semibold text-party">{t("app.title")}</h1>
          <p className="mt-1 text-sm text-neutral-500">{t("app.subtitle")}</p>
        </div>
        <div className="px-6 pb-6 pt-4">
          <h2 className="mb-4 text-base font-medium">{t("login.heading")}</h2>
          <LoginForm />
          {showDemoHint ? <p className="mt-4 text-xs text-neutral-500">{t("login.hint")}</p> : null}
        </div>
      </div>
      <div className="mt-4">
        <LanguageSwitch />
      </div>
    </main>
  );
}
