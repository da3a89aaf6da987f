import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { getMessages } from "next-intl/server";
import { clientNamespaces, type ClientMessagesEntry } from "~/i18n/client-namespaces";

/**
 * Gives the client components below a page or layout only the message namespaces they use
 * (i18n/client-namespaces.ts, computed by scripts/client-messages.ts from the route's import
 * graph), not the whole catalogue of the locale in every page's HTML. A provider with `messages`
 * replaces the one above it, so `entry` must be the file's own: app/(app)/dashboard/page.tsx
 * passes "(app)/dashboard/page" (tests/unit/client-messages.test.ts checks each file does).
 */
export async function ClientMessages({ entry, children }: { entry: ClientMessagesEntry; children: React.ReactNode }) {
  const all: AbstractIntlMessages = await getMessages();
  const picked: AbstractIntlMessages = {};
  for (const ns of clientNamespaces[entry]) {
    const part = all[ns];
    if (part !== undefined) picked[ns] = part;
  }
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
