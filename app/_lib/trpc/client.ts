import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "~/server/api/root";

/**
 * The browser's tRPC client: one per tab, shared by React Query's provider (react.tsx) and by
 * `useLazyMutation`, which imports this module on a page's first save (so a page rendered from
 * server data does not load the client before then).
 */
export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: "/api/trpc",
      transformer: superjson,
      maxItems: 20,
      // The page's language, so the server answers errors in it alone (scripts get both).
      headers: () => ({ "x-ui-locale": typeof document === "undefined" ? "" : document.documentElement.lang }),
    }),
  ],
});

export type TrpcClient = typeof trpcClient;
