import { z } from "zod";

/**
 * Every environment variable the application reads, in one zod schema. The server checks them
 * once at start (server/auth/startup-check.ts, run by instrumentation.ts): a wrong value stops
 * `npm start` / `npm run demo` with a message naming the variable, zh-CN first, then English.
 * The code reads them through `readEnv()`, typed, instead of `process.env`.
 * Not here: Next's own (NEXT_RUNTIME, NEXT_PHASE), and those only the test and build scripts read
 * (E2E_PORT, CHROMIUM_PATH, NEXT_DIST_DIR, TEST_DATABASE_URL, PG_THROWAWAY_PORT, CI).
 */
const unsetIfEmpty = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());

const wholeNumber = (min: number) =>
  optional(
    z
      .string()
      .trim()
      .regex(/^\d+$/, `须为整数 / must be a whole number`)
      .transform(Number)
      .refine((n) => n >= min, `须不小于 ${min} / must be at least ${min}`),
  );
/** A number as server/auth/env-number.ts reads it (the policies parse these; listed here to be checked with the rest). */
const number = (allowZero: boolean) =>
  optional(
    z
      .string()
      .trim()
      .refine(
        (v) => {
          const n = Number(v);
          return Number.isFinite(n) && (allowZero ? n >= 0 : n > 0);
        },
        `须为${allowZero ? "非负" : "正"}数 / must be a ${allowZero ? "non-negative" : "positive"} number`,
      ),
  );
const postgresUrl = optional(
  z.string().regex(/^postgres(ql)?:\/\/\S+$/, "须为 postgres:// 开头的连接串 / must be a postgres:// connection URL"),
);

export const envSchema = z.object({
  NODE_ENV: optional(z.enum(["development", "production", "test"])),
  // database (db/client.ts): PostgreSQL when DATABASE_URL is set, else PGlite files in PGLITE_DIR
  DATABASE_URL: postgresUrl,
  DATABASE_READ_URL: postgresUrl,
  DB_POOL_SIZE: wholeNumber(1),
  PGLITE_DIR: optional(z.string()),
  // sign-in and sessions (server/auth/*)
  AUTH_SECRET: optional(z.string()),
  AUTH_COOKIE_SECURE: optional(z.enum(["0", "1"], `须为 0 或 1 / must be 0 or 1`)),
  DJZL_DEMO: optional(z.enum(["0", "1"], `须为 0 或 1 / must be 0 or 1`)),
  TRUST_PROXY: wholeNumber(0),
  DJZL_PEER_HEADER: optional(z.string()),
  SESSION_IDLE_MINUTES: number(false),
  SESSION_MAX_HOURS: number(false),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: number(true),
  LOGIN_MAX_FAILURES_PER_IP: number(true),
  LOGIN_MAX_FAILURES_UNKNOWN_IP: number(true),
  LOGIN_WINDOW_MINUTES: number(false),
  // heavy-work threads (server/lib/heavy-pool.ts)
  HEAVY_WORKERS: wholeNumber(1),
  HEAVY_PER_USER: wholeNumber(1),
  HEAVY_QUEUE: wholeNumber(1),
  HEAVY_WORKER_HEAP_MB: wholeNumber(128),
  // the app's own server (scripts/server.mjs, scripts/start.mjs)
  PORT: wholeNumber(1).refine((n) => n === undefined || n <= 65535, "须为 1–65535 的端口 / must be a port from 1 to 65535"),
  HOSTNAME: optional(z.string()),
  /** Processes of the app's server under node:cluster (scripts/server.mjs): a number, or "auto" (one per core); PostgreSQL only. */
  APP_WORKERS: optional(
    z
      .string()
      .trim()
      .regex(/^(auto|[1-9]\d*)$/, "须为正整数或 auto / must be a positive whole number or auto"),
  ),
});

export type Env = z.infer<typeof envSchema>;

/** The environment checked and typed; throws one message naming every wrong variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `  ${name}=${source[name] ?? ""}: ${issue.message}`;
  });
  throw new Error(`环境变量设置有误，拒绝启动 / Wrong environment variables, refusing to start:\n${lines.join("\n")}`);
}
