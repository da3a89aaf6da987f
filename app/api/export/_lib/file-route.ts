import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError, type ZodType } from "zod";
import { createRequestContext } from "~/server/api/context";
import { auditRefusal, isRefusal } from "~/server/api/refusal-audit";
import type { Context } from "~/server/api/trpc";
import { FieldValidationError } from "~/server/errors";
import { databaseUnavailable, isDatabaseUnavailable } from "~/server/lib/db-unavailable";
import { RETRY_AFTER_SECONDS } from "~/server/lib/heavy-pool";
import { localiseServerMessage } from "~/lib/server-message";
import type { Actor } from "~/server/scope";

type File = { fileName: string; asciiFileName: string; contentType: string; body: Buffer };

export const fileError = (status: number, code: string, message: string, fieldErrors?: Record<string, string>) =>
  Response.json({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } }, { status });

/** RFC 6266 / 5987: an ASCII name for old clients and the real (Chinese) name for the rest. */
export const contentDisposition = (f: Pick<File, "fileName" | "asciiFileName">) =>
  `attachment; filename="${f.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(f.fileName.toWellFormed())}`;

/**
 * A refused file-route call: answered like the tRPC API (401 / 403 / 404 with a Chinese-first
 * message) and, for UNAUTHORIZED and FORBIDDEN, recorded as an `authz.refused` audit row under
 * the route's name (`export.template`, …) like any refused procedure.
 */
export async function refuseFileCall(
  ctx: Pick<Context, "db" | "actor" | "locale">,
  call: { path: string; code: string; message: string; input?: unknown },
) {
  if (isRefusal(call.code)) await auditRefusal(ctx, { path: call.path, code: call.code, getRawInput: () => Promise.resolve(call.input) });
  const status = call.code === "UNAUTHORIZED" ? 401 : getHTTPStatusCodeFromError(new TRPCError({ code: call.code as TRPCError["code"] }));
  return fileError(status, call.code, localiseServerMessage(call.message, ctx.locale));
}

/** The request's context, with a lost database as a 503 answer rather than a thrown 500. */
export async function fileContext(): Promise<Context | Response> {
  try {
    return await createRequestContext({ reissueCookie: true });
  } catch (err) {
    if (err instanceof TRPCError && err.code === "SERVICE_UNAVAILABLE") return fileError(503, err.code, err.message);
    if (isDatabaseUnavailable(err)) return fileError(503, "SERVICE_UNAVAILABLE", databaseUnavailable(err, "file route").message);
    throw err;
  }
}

/**
 * A file download as a GET route: the same session, scope and error codes as the tRPC API
 * (401 signed out, 403 out of scope, 404 unknown, 400 with a Chinese message on bad
 * parameters), refused calls audited like refused procedures.
 */
export async function fileRoute<I>(
  req: Request,
  path: string,
  schema: ZodType<I, unknown>,
  build: (ctx: Context & { actor: Actor }, input: I) => Promise<File>,
): Promise<Response> {
  const ctx = await fileContext();
  if (ctx instanceof Response) return ctx;
  const query = Object.fromEntries(new URL(req.url).searchParams);
  const asked = { unitId: query.unit }; // what a refusal's audit row keeps of the query
  if (!ctx.actor) return refuseFileCall(ctx, { path, code: "UNAUTHORIZED", message: "请先登录（sign in first）", input: asked });
  try {
    const input = schema.parse(query);
    const file = await build({ ...ctx, actor: ctx.actor }, input);
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": contentDisposition(file),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (err) {
    if (err instanceof ZodError) {
      const first = err.issues[0];
      return fileError(400, "BAD_REQUEST", `参数有误：${first?.path.join(".")} ${localiseServerMessage(first?.message ?? "", ctx.locale)}`);
    }
    if (err instanceof TRPCError && err.code !== "INTERNAL_SERVER_ERROR") {
      if (isRefusal(err.code)) return refuseFileCall(ctx, { path, code: err.code, message: err.message, input: asked });
      const fields = err.cause instanceof FieldValidationError ? err.cause.fieldErrors : undefined;
      const res = fileError(getHTTPStatusCodeFromError(err), err.code, localiseServerMessage(err.message, ctx.locale), fields);
      if (err.code === "TOO_MANY_REQUESTS") res.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
      return res;
    }
    if (isDatabaseUnavailable(err)) return fileError(503, "SERVICE_UNAVAILABLE", databaseUnavailable(err, path).message);
    console.error(`${new URL(req.url).pathname} failed:`, err);
    return fileError(500, "INTERNAL_SERVER_ERROR", "服务器内部错误，请稍后重试（internal error）");
  }
}
