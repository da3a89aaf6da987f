import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { RETRY_AFTER_SECONDS } from "~/server/lib/heavy-pool";
import { appRouter } from "./root";
import type { Context } from "./trpc";
import { m } from "~/lib/server-message";

/**
 * The HTTP side of /api/trpc, with the limits a request meets before any procedure runs
 * (OWASP ASVS V8 / resource limits): at most MAX_BATCH calls per batch, and a cap on the body —
 * 2 MB, or 8 MB when every call of the request is a spreadsheet upload (a 5 MB file travels as
 * base64, 4 characters per 3 bytes, in its JSON envelope). Next.js sets no limit on route
 * handler bodies, so without this a client could make the server buffer any amount.
 */

/** The client link batches at most as many (app/_lib/trpc/react.tsx). */
export const MAX_BATCH = 20;
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_UPLOAD_BODY_BYTES = 8 * 1024 * 1024;

const endpoint = "/api/trpc";
const mb = (bytes: number) => bytes / 1024 / 1024;

const tooLarge = (limit: number) =>
  new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: m("api.requestBodyLargerThanMb", { limit: mb(limit) }) });
const tooManyCalls = (count: number) =>
  new TRPCError({
    code: "BAD_REQUEST",
    message: m("api.aBatchHoldsAtMostCalls", { maxBatch: MAX_BATCH, count }),
  });

/** The procedure paths a request names ("/api/trpc/report.get,me.get" → two). */
function pathsOf(req: Request): string[] {
  const { pathname } = new URL(req.url);
  const rest = pathname.startsWith(`${endpoint}/`) ? pathname.slice(endpoint.length + 1) : "";
  try {
    return decodeURIComponent(rest).split(",");
  } catch {
    return [rest];
  }
}

/** The request with its body cut off at `limit` bytes: reading past it fails with PAYLOAD_TOO_LARGE (413). */
function capBody(req: Request, limit: number): Request {
  if (!req.body) return req;
  const declared = Number(req.headers.get("content-length") ?? Number.NaN);
  let seen = 0;
  const body =
    declared > limit
      ? // Said too large up front: refused without reading a byte.
        new ReadableStream<Uint8Array>({ start: (controller) => controller.error(tooLarge(limit)) })
      : req.body.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              seen += chunk.byteLength;
              if (seen > limit) controller.error(tooLarge(limit));
              else controller.enqueue(chunk);
            },
          }),
        );
  return new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal, duplex: "half" } as RequestInit);
}

/** Procedures outside `spreadsheet.*` that take an uploaded file. */
const uploadPaths = new Set(["importJob.start", "officer.previewImport", "officer.import"]);

export function createTrpcHandler(createContext: () => Promise<Context>) {
  return (req: Request) => {
    const paths = pathsOf(req);
    const batch = new URL(req.url).searchParams.get("batch") === "1";
    const uploadOnly = paths.every((p) => p.startsWith("spreadsheet.") || uploadPaths.has(p));
    const refusal = batch && paths.length > MAX_BATCH ? tooManyCalls(paths.length) : null;
    return fetchRequestHandler({
      endpoint,
      req: capBody(req, uploadOnly ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES),
      router: appRouter,
      // An oversized batch reaches no procedure: every call in it answers the refusal (in the
      // house error style, which tRPC's own maxBatchSize message is not).
      createContext: refusal
        ? () => {
            throw refusal;
          }
        : createContext,
      maxBatchSize: refusal ? undefined : MAX_BATCH,
      // “系统繁忙” (the heavy-work pool is full) tells the client when to try again.
      responseMeta: ({ errors }) =>
        errors.some((e) => e.code === "TOO_MANY_REQUESTS") ? { headers: new Headers({ "Retry-After": String(RETRY_AFTER_SECONDS) }) } : {},
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
      },
    });
  };
}
