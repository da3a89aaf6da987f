import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "~/app/_lib/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: t("title"), description: t("subtitle") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        {/* tRPC, React Query and nuqs come with the signed-in layout (app/(app)/layout.tsx): the
            sign-in and error pages query nothing from the browser and do not load them. Each page and
            layout gives its client components only the messages they use (app/_lib/client-messages.tsx). */}
        <ClientMessages entry="layout">{children}</ClientMessages>
      </body>
    </html>
  );
}
