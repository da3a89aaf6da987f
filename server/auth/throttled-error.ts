import { CredentialsSignin } from "next-auth";

/**
 * A throttled sign-in. Its `code` travels to the caller: in the thrown error for the login
 * form's server action, and as `?code=` on the /login redirect for plain HTTP callers.
 */
export class ThrottledSignIn extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `throttled_${minutes}`;
  }
}

/** The minutes a throttled sign-in's code names, or null for any other code. */
export function throttledMinutes(code: unknown): number | null {
  const m = /^throttled_(\d{1,4})$/.exec(typeof code === "string" ? code : "");
  return m ? Number(m[1]) : null;
}
