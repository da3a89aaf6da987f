import { TRPCError } from "@trpc/server";
import type { Db } from "~/db/client";
import { appRouter } from "~/server/api/root";
import type { Actor } from "~/server/scope";
import { callerFor } from "../../factories";
import type { Outcome, Rule } from "./reach";

/** Every procedure of the app router, as "area.name". */
export const procedureNames = () => Object.keys(appRouter._def.procedures).sort();

export type Called = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Calls the procedure `path` ("report.save") through a server-side caller, never throwing. */
export async function callProcedure(db: Db, actor: Actor | null, path: string, input: unknown): Promise<Called> {
  const [area, name] = path.split(".") as [string, string];
  const caller = callerFor(db, actor) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  try {
    return { ok: true, value: await caller[area]![name]!(input) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The outcome of a call: the rule's judgement if it has one, else "ok" or the TRPCError code (other throws: "THROWN"). */
export function outcomeOfCall(called: Called, rule?: Rule): Outcome {
  const judged = rule?.judge?.(called);
  if (judged) return judged;
  if (called.ok) return "ok";
  return called.error instanceof TRPCError ? called.error.code : "THROWN";
}
