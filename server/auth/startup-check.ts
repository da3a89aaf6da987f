import { getDb } from "~/db/client";
import { readEnv } from "~/env";
import { isDatabaseUnavailable } from "~/server/lib/db-unavailable";
import { addressSource } from "./client-ip";
import { assertNoDemoPasswords } from "./demo-passwords";
import { authSecret } from "./secret";
import { sessionPolicy } from "./session-policy";
import { throttlePolicy } from "./throttle-policy";

/**
 * What the server checks before serving (instrumentation.ts): the settings parse (every variable
 * of env.ts), production
 * has a real AUTH_SECRET, and no active account still has the demo password (unless this is
 * the demo). Throws with a message for the operator.
 */
export async function startupCheck(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  sessionPolicy(env);
  throttlePolicy(env);
  authSecret(env);
  readEnv(env);
  if (env.NODE_ENV !== "production") return;
  if (addressSource(env) === "unknown") {
    console.warn(
      "[startup] 无法得知客户端地址（未设置 TRUST_PROXY，且未经 npm start 启动）：登录限流只能按账号计数，无法按地址拦截撞库。请在反向代理后设置 TRUST_PROXY，或以 npm start 启动。" +
        " / The client address cannot be known (no TRUST_PROXY, not started by npm start): sign-in throttling counts per account only, not per address. Set TRUST_PROXY behind a reverse proxy, or start with npm start.",
    );
  }
  if (env.DJZL_DEMO === "1") return;
  try {
    await assertNoDemoPasswords(await getDb(), env);
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    // Start anyway: the app answers 503 until the database is back (db/client.ts retries).
    console.warn("[startup] database unavailable: the demo-password check could not run / 数据库不可用，未能检查演示密码");
  }
}

/** `startupCheck`, ending the process with the message when it fails (instrumentation.ts). */
export async function refuseUnsafeStart(): Promise<void> {
  try {
    await startupCheck();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
