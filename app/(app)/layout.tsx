import { Link } from "~/app/_components/ui/link";
import { getTranslations } from "next-intl/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { AppNav } from "~/app/_components/app-nav";
import { LanguageSwitch } from "~/app/_components/language-switch";
import { requireActor } from "~/app/_lib/session";
import { UserMenu } from "~/app/_components/user-menu";
import { signOutAction, signOutEverywhereAction } from "./session-actions";
import { ClientMessages } from "~/app/_lib/client-messages";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations("app");
  return (
    <ClientMessages entry="(app)/layout">
      <NuqsAdapter>
        <div className="min-h-screen">
          <header className="border-b border-neutral-200 bg-white">
            <div className="mx-auto flex min-h-12 max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-1.5">
              <Link
                href="/"
                prefetch={false}
                title={t("title")}
                className="flex shrink-0 items-center gap-2 leading-tight font-semibold whitespace-nowrap text-party"
              >
                <span aria-hidden className="inline-block h-4 w-1 bg-party" />
                {t("brand")}
              </Link>
              <AppNav actor={actor} />
              <div className="ml-auto flex shrink-0 items-center gap-2 whitespace-nowrap text-sm">
                <UserMenu
                  name={actor.displayName}
                  roleLabel={t("roleLabel", { role: t(`roles.${actor.role}`) })}
                  signOutEverywhere={signOutEverywhereAction}
                />
                <LanguageSwitch />
                <form action={signOutAction}>
                  <button type="submit" className="rounded px-2 py-1 text-neutral-600 hover:bg-neutral-200">
                    {t("signOut")}
                  </button>
                </form>
              </div>
            </div>
          </header>
          <main className="mx-auto max-w-7xl px-4 py-4">{children}</main>
        </div>
      </NuqsAdapter>
    </ClientMessages>
  );
}
