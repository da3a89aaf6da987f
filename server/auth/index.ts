import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "~/db/client";
import { baseAuthConfig } from "./auth-config";
import { attemptSignIn } from "./authorize";
import { clientIp } from "./client-ip";
import { endSignedOutSession } from "./sessions";
import { ThrottledSignIn } from "./throttled-error";

// Lazy config: the secret is checked when a request needs it, not while `next build` runs.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...baseAuthConfig(),
  providers: [
    Credentials({
      credentials: { username: { label: "用户名" }, password: { label: "密码", type: "password" } },
      authorize: async (credentials, request) => {
        const result = await attemptSignIn(await getDb(), credentials, { ip: clientIp(request.headers) });
        if (result.ok) return result.user;
        if (result.reason === "throttled") throw new ThrottledSignIn(result.retryAfterMinutes ?? 1);
        return null;
      },
    }),
  ],
  events: {
    // Signing out ends the session row too: a copy of the cookie is worth nothing afterwards.
    signOut: async (message) => endSignedOutSession(await getDb(), "token" in message ? message.token : null),
  },
}));
