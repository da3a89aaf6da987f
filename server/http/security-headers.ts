/**
 * The security headers of every response (set in proxy.ts, which runs per request).
 *
 * script-src: the App Router streams its data in inline <script> tags, so a strict policy
 * needs a per-request nonce (Next reads it from the request's CSP header and puts it on its
 * own scripts); 'strict-dynamic' lets those scripts load the app's chunks. No 'unsafe-inline'
 * for scripts. Development adds 'unsafe-eval' (React's dev tooling); production never does.
 * style-src keeps 'unsafe-inline': server-rendered `style` attributes (layout widths, chart
 * colours) cannot carry a nonce, and a nonce in style-src would switch 'unsafe-inline' off.
 * img-src allows data: and blob: for the PNG export (SVG → <img> → canvas → blob download).
 */
export function contentSecurityPolicy(opts: { nonce: string; dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** An API answer is data, never a document: it may load nothing and be framed by no one. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** The headers besides CSP, the same on every response. HSTS only where the site is served over https. */
export function baseSecurityHeaders(opts: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(opts.https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
