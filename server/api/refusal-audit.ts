import type { Db } from "~/db/client";
import { requestIp } from "~/server/auth/request-ip";
import { pageOfRequest } from "~/server/http/page-header";
import { requestHeaders } from "~/server/http/request-headers";
import type { Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";

/** The refusals worth a row: not signed in, or outside the caller's role or scope. */
export const isRefusal = (code: string) => code === "FORBIDDEN" || code === "UNAUTHORIZED";

/** Rows per caller (user, else address) and procedure per minute; beyond it they are counted, not written. */
export const REFUSALS_PER_MINUTE = 10;

type Slot = { minute: number; written: number; suppressed: number };
export type RefusalBudget = Map<string, Slot>;
const budget: RefusalBudget = new Map();

/** Tests: forget every caller's refusals of this minute. */
export const forgetRefusalBudget = () => budget.clear();

/**
 * Whether this refusal gets a row, and how many of the same caller's were left out since the
 * last one. In memory, per process: a caller hammering a refused procedure (or an anonymous
 * flood from one address) cannot grow the append-only audit log without bound.
 */
export function takeRefusalSlot(slots: RefusalBudget, key: string, nowMs: number): { write: boolean; suppressed: number } {
  const minute = Math.floor(nowMs / 60_000);
  if (slots.size > 10_000) slots.clear();
  const slot = slots.get(key);
  if (!slot || slot.minute !== minute) {
    slots.set(key, { minute, written: 1, suppressed: 0 });
    return { write: true, suppressed: slot?.suppressed ?? 0 };
  }
  if (slot.written >= REFUSALS_PER_MINUTE) {
    slot.suppressed += 1;
    return { write: false, suppressed: 0 };
  }
  slot.written += 1;
  const suppressed = slot.suppressed;
  slot.suppressed = 0;
  return { write: true, suppressed };
}

/** The `unitId` of a call's input, when it is a plausible unit id; nothing else of the input is kept. */
export function unitIdOf(input: unknown): number | null {
  const v = typeof input === "object" && input !== null ? (input as { unitId?: unknown }).unitId : undefined;
  const n = typeof v === "string" && /^\d{1,10}$/.test(v) ? Number(v) : v;
  return typeof n === "number" && Number.isInteger(n) && n > 0 && n <= 2_147_483_647 ? n : null;
}

/** The page the refused call came from (the page rendered, or the browser's page for an API call); null outside a request. */
async function requestPage(): Promise<string | null> {
  try {
    return pageOfRequest(await requestHeaders());
  } catch {
    return null; // called outside a request (tests, scripts)
  }
}

/**
 * Leaves an `authz.refused` audit row for a refused call: who (or the address of an anonymous
 * caller), the procedure, the page it came from, the error code and the unit asked for. Never the input itself, never
 * a password. Best effort: a failure here is logged and the caller still gets their refusal.
 */
export async function auditRefusal(
  ctx: { db: Db; actor: Actor | null },
  call: {
    path: string;
    code: string;
    getRawInput: () => Promise<unknown>;
    outOfReach?: { kind: string; id: number };
    /** The page it came from, when the caller knows better than the request headers. */
    page?: string | null;
  },
  nowMs = Date.now(),
): Promise<void> {
  try {
    const ip = await requestIp();
    const slot = takeRefusalSlot(budget, `${ctx.actor ? `u${ctx.actor.id}` : `ip:${ip ?? "unknown"}`}|${call.path}`, nowMs);
    if (!slot.write) return;
    const unitId = unitIdOf(await call.getRawInput().catch(() => undefined));
    const page = call.page !== undefined ? call.page : await requestPage();
    await writeAudit(ctx.db, ctx.actor, {
      action: "authz.refused",
      entity: "procedure",
      entityId: call.path,
      unitId,
      after: {
        code: call.code,
        path: call.path,
        page,
        unitId,
        ip,
        ...(call.outOfReach ? { outOfReach: call.outOfReach } : {}),
        ...(slot.suppressed ? { suppressedBefore: slot.suppressed } : {}),
      },
    });
  } catch (err) {
    console.error("[audit] could not record a refused call:", err);
  }
}
