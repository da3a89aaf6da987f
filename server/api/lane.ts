import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { gzip, gzipSync } from "node:zlib";
import { RequestCookies, ResponseCookies } from "next/dist/server/web/spec-extension/cookies";
import { secureCookies } from "~/server/auth/cookies";
import { pageHeader } from "~/server/http/page-header";
import { withRequestHeaders } from "~/server/http/request-headers";
import { apiContentSecurityPolicy, baseSecurityHeaders } from "~/server/http/security-headers";
import { contextOfRequest } from "./context";
import { createTrpcHandler } from "./http-handler";

/**
 * The API lane: `/api/trpc/*` answered by the app's own HTTP server (scripts/server.mjs) without
 * Next's router, proxy and route-handler runtime — which cost a signed-in call more than all of
 * its own work (docs/performance.md, "Per request"). Everything a call meets is the same as
 * through app/api/trpc/[trpc]/route.ts, from the same code: the body and batch limits and error
 * style (http-handler.ts), the one session read and its re-issue (context.ts), the security
 * headers proxy.ts gives API answers, the page header never taken from a client, and the
 * request's headers for the refusal audit and the client address (request-headers.ts).
 * The route handler stays for `next dev` and for servers that do not install the lane.
 */

const endpoint = "/api/trpc/";
const gzipAsync = promisify(gzip);
/** Answers smaller than this go uncompressed (as Next's compression does). */
const GZIP_MIN_BYTES = 1024;
/** Up to this size an answer is compressed in place (tens of microseconds: less than handing it to the thread pool). */
const GZIP_INLINE_MAX_BYTES = 64 * 1024;

/** Whether the lane answers this request (the path only: any method, as the route handler). */
export const isLaneRequest = (url: string | undefined) => !!url && url.startsWith(endpoint);

export async function handleLaneRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === pageHeader) continue; // the page header: set only for pages rendered, never by a client (proxy.ts)
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = req.method ?? "GET";
  // The body as a stream (the handler caps it); no abort signal: no procedure listens for one.
  const requestBody = method === "GET" || method === "HEAD" ? undefined : (Readable.toWeb(req) as ReadableStream<Uint8Array>);
  // Only the path and query matter to the handler; a client's Host header never makes the URL (nor fails it).
  const url = new URL(req.url ?? "/", "http://localhost").href;
  const jar = new RequestCookies(headers);
  const answerHeaders = new Headers();
  const setCookies = new ResponseCookies(answerHeaders);
  const trpc = createTrpcHandler(() =>
    contextOfRequest({
      cookies: jar,
      header: (name) => headers.get(name),
      reissue: (c) => setCookies.set(c.name, c.value, c.options),
    }),
  );
  const answer = await withRequestHeaders(headers, () =>
    trpc(new Request(url, { method, headers, body: requestBody, duplex: "half" } as RequestInit)),
  );
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") answerHeaders.set(name, value);
  });
  for (const cookie of answer.headers.getSetCookie()) answerHeaders.append("set-cookie", cookie);
  answerHeaders.set("Content-Security-Policy", apiContentSecurityPolicy);
  for (const [name, value] of Object.entries(baseSecurityHeaders({ https: secureCookies() }))) answerHeaders.set(name, value);

  let body: Buffer = Buffer.from(await answer.arrayBuffer());
  if (body.length >= GZIP_MIN_BYTES && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
    body = body.length <= GZIP_INLINE_MAX_BYTES ? gzipSync(body) : await gzipAsync(body);
    answerHeaders.set("content-encoding", "gzip");
    answerHeaders.append("vary", "Accept-Encoding");
  }
  answerHeaders.set("content-length", String(body.length));
  const out: Record<string, string | string[]> = {};
  answerHeaders.forEach((value, name) => {
    if (name !== "set-cookie") out[name] = value;
  });
  const cookies = answerHeaders.getSetCookie();
  if (cookies.length > 0) out["set-cookie"] = cookies;
  // A body refused before it was read (too large) is not read now either: the connection ends with the answer.
  if (!req.complete) out.connection = "close";
  res.writeHead(answer.status, out);
  res.end(req.method === "HEAD" ? undefined : body);
}
