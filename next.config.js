// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM through file URLs, argon2 is a native addon, piscina starts worker threads from its own files: keep them unbundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "piscina"],
  poweredByHeader: false,
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
