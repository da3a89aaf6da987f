import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError, type ZodType } from "zod";
import { createRequestContext } from "~/server/api/context";
import type { Context } from "~/server/api/trpc";
import { FieldValidationError } from "~/server/errors";
import { RETRY_AFTER_SECONDS } from "~/server/lib/heavy-pool";
import { localiseMessage } from "~/server/lib/localise-message";
import type { Actor } from "~/server/scope";

type File = { fileName: string; asciiFileName: string; contentType: string; body: Buffer };

const json = (status: number, code: string, message: string, fieldErrors?: Record<string, string>) =>
  Response.json({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } }, { status });

/** RFC 6266 / 5987: an ASCII name for old clients and the real (Chinese) name for the rest. */
export const contentDisposition = (f: Pick<File, "fileName" | "asciiFileName">) =>
  `attachment; filename="${f.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`;

/**
 * A file download as a GET route: the same session, scope and error codes as the tRPC API
 * (401 signed out, 403 out of scope, 400 with a Chinese message on bad parameters).
 */
export async function fileRoute<I>(
  req: Request,
  schema: ZodType<I, unknown>,
  build: (ctx: Context & { actor: Actor }, input: I) => Promise<File>,
): Promise<Response> {
  const ctx = await createRequestContext();
  if (!ctx.actor) return json(401, "UNAUTHORIZED", "请先登录（sign in first）");
  try {
    const input = schema.parse(Object.fromEntries(new URL(req.url).searchParams));
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
      return json(400, "BAD_REQUEST", `参数有误：${first?.path.join(".")} ${first?.message}`);
    }
    if (err instanceof TRPCError) {
      const fields = err.cause instanceof FieldValidationError ? err.cause.fieldErrors : undefined;
      const res = json(getHTTPStatusCodeFromError(err), err.code, localiseMessage(err.message, ctx.locale), fields);
      if (err.code === "TOO_MANY_REQUESTS") res.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
      return res;
    }
    console.error(`${new URL(req.url).pathname} failed:`, err);
    return json(500, "INTERNAL_SERVER_ERROR", "服务器内部错误，请稍后重试（internal error）");
  }
}
