import "server-only";

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { getQueryClient } from "./page-read";
import { TRPCReactProvider } from "./react";

export { getQueryClient, readForPage, trpc, type PageRead } from "./page-read";

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
