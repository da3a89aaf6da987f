/** DEV ONLY: a known secret so `next dev` works out of the box. Refused in production. */
export const DEV_AUTH_SECRET = "dev-only-insecure-secret-do-not-use-in-production";

/** The JWT signing secret: AUTH_SECRET, or the dev default outside production. */
export function authSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.AUTH_SECRET;
  const production = env.NODE_ENV === "production";
  if (secret && secret !== DEV_AUTH_SECRET) {
    if (production && secret.length < 32) throw new Error("AUTH_SECRET must be at least 32 characters in production");
    return secret;
  }
  if (production) {
    throw new Error("AUTH_SECRET is not set (or is the dev default): refusing to run in production without a real secret");
  }
  return DEV_AUTH_SECRET;
}
