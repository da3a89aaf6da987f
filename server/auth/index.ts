import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "~/db/client";
import { authorizeCredentials } from "./authorize";
import { authSecret } from "./secret";

// Lazy config: the secret is checked when a request needs it, not while `next build` runs.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  logger: {
    // A wrong password is an expected answer, not a server error worth a stack trace.
    error: (error) => {
      // (`type`, not `name`: class names are minified in the production build)
      if ((error as { type?: string }).type !== "CredentialsSignin") console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { username: { label: "用户名" }, password: { label: "密码", type: "password" } },
      authorize: async (credentials) => authorizeCredentials(await getDb(), credentials),
    }),
  ],
  callbacks: {
    // The token carries only the user id; role and unit are read fresh per request (load-actor.ts).
    jwt: ({ token, user }) => {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session: ({ session, token }) => {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
}));
