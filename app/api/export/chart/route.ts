import { localiseServerMessage } from "~/lib/server-message";
import { chartExportSchema } from "~/server/services/export/chart-schema";
import { asBuffer, busyMessage, RETRY_AFTER_SECONDS, runHeavy } from "~/server/lib/heavy-pool";
import { contentDisposition, fileContext, refuseFileCall } from "../_lib/file-route";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 20 * 1024 * 1024;
const error = (status: number, code: string, message: string, fieldErrors?: Record<string, string>) =>
  Response.json({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } }, { status });

/**
 * `POST /api/export/chart` with `{exportName, title?, columns: [{key, label, decimals?}], rows}`:
 * the rows a chart draws as an .xlsx. Signed-in users only; the rows are the caller's own.
 */
export async function POST(req: Request) {
  const ctx = await fileContext();
  if (ctx instanceof Response) return ctx;
  const say = (message: string) => localiseServerMessage(message, ctx.locale);
  if (!ctx.actor) return refuseFileCall(ctx, { path: "export.chart", code: "UNAUTHORIZED", message: "请先登录（sign in first）" });
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
    return error(413, "PAYLOAD_TOO_LARGE", say("数据过大（too much data）"));
  const body: unknown = await req.json().catch(() => undefined);
  const parsed = chartExportSchema.safeParse(body);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "body", say(i.message)]));
    const [field, message] = Object.entries(fieldErrors)[0]!;
    return error(400, "BAD_REQUEST", `${field}：${message}`, fieldErrors);
  }
  // Built on a worker thread: a 50,000-row export must not stall everyone else's requests.
  const file = await runHeavy(`user:${ctx.actor.id}`, { kind: "chart", input: parsed.data }).catch((err: unknown) => {
    if ((err as { code?: string }).code === "TOO_MANY_REQUESTS") return null;
    throw err;
  });
  if (!file) {
    const res = error(429, "TOO_MANY_REQUESTS", say(busyMessage));
    res.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
    return res;
  }
  return new Response(new Uint8Array(asBuffer(file.body)), {
    headers: { "Content-Type": file.contentType, "Content-Disposition": contentDisposition(file), "Cache-Control": "private, no-store" },
  });
}
