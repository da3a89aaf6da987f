import "server-only";

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cache } from "react";
import { currentActor } from "~/app/_lib/session";
import { createRequestContext } from "~/server/api/context";
import { appRouter } from "~/server/api/root";
import { makeQueryClient } from "./query-client";

export const getQueryClient = cache(makeQueryClient);

/** Server-side tRPC: pages prefetch with it, then render their client part inside HydrateClient. */
export const trpc = createTRPCOptionsProxy({
  // The actor the page read (requireActor / currentActor): one session decode and one actor query per render.
  ctx: cache(() => createRequestContext({ actor: currentActor })),
  router: appRouter,
  queryClient: getQueryClient,
});

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
