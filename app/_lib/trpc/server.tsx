import "server-only";

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cache } from "react";
import { appRouter } from "~/server/api/root";
import { pageContext } from "./page-read";
import { makeQueryClient } from "./query-client";
import { TRPCReactProvider } from "./react";

export const getQueryClient = cache(makeQueryClient);

/**
 * Server-side tRPC for pages that hydrate React Query: they prefetch with it, then render their
 * client part inside HydrateClient. Importing this module puts React Query's client components
 * into the page's first load; a page rendered from server data reads with page-read.ts instead.
 */
export const trpc = createTRPCOptionsProxy({
  ctx: pageContext,
  router: appRouter,
  queryClient: getQueryClient,
});

/**
 * The query layer (React Query + the tRPC client, ~21 kB gz) for a page part that queries from the
 * browser, with what the server prefetched. It is not in the signed-in layout: a page rendered
 * from server data does not load it (issue 16's first-load budget).
 */
export function HydrateClient({ children }: { children: React.ReactNode }) {
  return (
    <TRPCReactProvider>
      <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>
    </TRPCReactProvider>
  );
}
