// @ts-check
import { createRequire } from "node:module";
import path from "node:path";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// next-intl formats messages compiled ahead (i18n/precompile.ts), so no ICU parser ships to the
// browser: its format-only formatter stands in for the compiling one, on the server too (what
// next-intl's own `experimental.messages.precompile` does, without its bundler-loaded catalogs:
// the messages here are read from messages/<locale>/*.json at run time).
const formatOnly = createRequire(import.meta.url).resolve("use-intl/format-message/format-only");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM through file URLs, argon2 is a native addon, piscina starts worker threads from its own files: keep them unbundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "piscina"],
  poweredByHeader: false,
  turbopack: { resolveAlias: { "use-intl/format-message": `./${path.relative(import.meta.dirname, formatOnly)}` } },
  webpack(config) {
    config.resolve.alias["use-intl/format-message"] = formatOnly;
    return config;
  },
  // CI (.ci/run) runs `next typegen && tsc --noEmit` before the build: the build's own TypeScript run
  // checks the same program (less the tests), so DJZL_TYPES_CHECKED=1 skips that second run.
  typescript: { ignoreBuildErrors: process.env.DJZL_TYPES_CHECKED === "1" },
  // Lets parallel builds (several developers' checks on one machine) use their own folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // proxy.ts sets the security headers of everything else; static files skip it, so they get theirs here.
  async headers() {
    const headers = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    ];
    return ["/_next/static/:path*", "/_next/image", "/favicon.ico"].map((source) => ({ source, headers }));
  },
};

export default withNextIntl(nextConfig);
