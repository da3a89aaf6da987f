import compile from "icu-minify/compile";
import formatMessage from "use-intl/format-message";

/**
 * The app's build formats ICU messages that were compiled ahead (next.config.js aliases
 * `use-intl/format-message` to its format-only twin), so the browser never loads an ICU parser
 * (intl-messageformat, ≈ 11 kB gz on every route). Whatever hands messages to next-intl —
 * the request config, the server translators — passes them through `forFormatter`.
 *
 * The format-only formatter marks itself `raw = false` (it cannot return a message's source);
 * where nothing aliases it (vitest, scripts under tsx), the compiling formatter runs and the
 * messages stay as written. Either way a message reads the same: tests/unit/precompiled-messages.test.ts.
 */
export const formatsPrecompiled = (formatMessage as { raw?: boolean }).raw === false;

type Messages = { [key: string]: string | Messages };

/**
 * Every message of a tree compiled (icu-minify's form: a string, or an array for arguments).
 * Through JSON once: icu-minify builds the branches of a plural or select without a prototype,
 * and Server Components pass only plain objects to the browser (as next-intl's own loader does).
 */
export function precompile<T>(messages: T): T {
  const walk = (node: Messages): Messages =>
    Object.fromEntries(Object.entries(node).map(([k, v]) => [k, typeof v === "string" ? (compile(v) as unknown as string) : walk(v)]));
  return JSON.parse(JSON.stringify(walk(messages as Messages))) as T;
}

/** The messages as the formatter this process runs expects them. */
export const forFormatter = <T>(messages: T): T => (formatsPrecompiled ? precompile(messages) : messages);
