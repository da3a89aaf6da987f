import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";

/**
 * The headers of the request being handled, wherever it came in: a call through the API lane
 * (server/api/lane.ts, outside Next's router) runs inside `withRequestHeaders`; anything Next
 * routes (pages, route handlers, server actions) reads Next's own `headers()`. Throws outside a
 * request (tests, scripts) — callers catch that.
 */
const laneRequest = new AsyncLocalStorage<Headers>();

export const withRequestHeaders = <T>(h: Headers, fn: () => T): T => laneRequest.run(h, fn);

export async function requestHeaders(): Promise<Pick<Headers, "get" | "has">> {
  return laneRequest.getStore() ?? (await headers());
}
