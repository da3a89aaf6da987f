import { TRPCError } from "@trpc/server";
import { errorCodes, isConnectionLost } from "~/db/lost-connection";
import { m } from "~/lib/server-message";

/**
 * A lost or unreachable database is not the caller's mistake and not a bug: it is answered
 * with SERVICE_UNAVAILABLE (HTTP 503) and one clear message, and the request can simply be
 * retried once the database is back (postgres.js reconnects on its own).
 */
export const databaseUnavailableMessage = m("dbUnavailable.databaseUnavailableTryAgain");

export const isDatabaseUnavailable = isConnectionLost;

/** The 503-class answer for a lost database; logged here, once, as one line without a stack. */
export function databaseUnavailable(cause: unknown, where: string): TRPCError {
  console.error(`database unavailable in ${where} (${errorCodes(cause).join(" ← ") || "no code"}): answering SERVICE_UNAVAILABLE`);
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: databaseUnavailableMessage, cause });
}
