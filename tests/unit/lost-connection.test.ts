import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { errorCodes, isConnectionLost } from "~/db/lost-connection";

const coded = (code: string, cause?: unknown) => Object.assign(new Error(code, { cause }), { code });

describe("isConnectionLost: which failures mean the database is gone (→ SERVICE_UNAVAILABLE)", () => {
  it.each([
    "CONNECTION_CLOSED", // postgres.js: the socket closed under a query
    "CONNECTION_DESTROYED",
    "CONNECT_TIMEOUT",
    "ECONNREFUSED", // server stopped
    "ECONNRESET",
    "57P01", // pg_terminate_backend, pg_ctl stop -m fast
    "57P02",
    "57P03", // the server is starting up or shutting down
    "08006", // class 08: connection exception
    "08003",
    "53300", // too many connections
    "25006", // read-only transaction: the pooled connection's server became a standby (failover)
  ])("%s is a lost connection", (code) => {
    expect(isConnectionLost(coded(code))).toBe(true);
  });

  it.each(["23505", "40001", "40P01", "57014", "22P02", "42501", "UNDEFINED_VALUE", "BAD_REQUEST"])(
    "%s is not (a caller's or the app's own error)",
    (code) => {
      expect(isConnectionLost(coded(code))).toBe(false);
    },
  );

  it("looks through drizzle's and tRPC's wrappers, and into Node's AggregateError of a failed connect", () => {
    const drizzle = new Error("Failed query: select 1", { cause: coded("57P01") });
    const trpc = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: drizzle });
    expect(isConnectionLost(trpc)).toBe(true);
    expect(errorCodes(trpc)).toEqual(["INTERNAL_SERVER_ERROR", "57P01"]);
    expect(isConnectionLost(new AggregateError([coded("ECONNREFUSED"), coded("ECONNREFUSED")]))).toBe(true);
    expect(isConnectionLost(new TRPCError({ code: "CONFLICT", message: "stale version" }))).toBe(false);
    expect(isConnectionLost(null)).toBe(false);
    expect(isConnectionLost("ECONNREFUSED")).toBe(false);
  });
});
