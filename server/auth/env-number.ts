/**
 * A positive number from the environment, or the default when unset. A value that is set but
 * unusable stops the server (instrumentation.ts checks at start), never silently becomes another.
 */
export function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, opts: { allowZero?: boolean } = {}): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  const ok = Number.isFinite(value) && (opts.allowZero ? value >= 0 : value > 0);
  if (!ok)
    throw new Error(
      `${name}=${raw} is not a ${opts.allowZero ? "non-negative" : "positive"} number (${name} 须为${opts.allowZero ? "非负" : "正"}数)`,
    );
  return value;
}
