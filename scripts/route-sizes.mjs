// First-load JavaScript of every app route of a Next 16 (Turbopack) production build, gzipped.
//
//   node scripts/route-sizes.mjs [distDir]      (default: $NEXT_DIST_DIR or .next)
//
// Next 16's `next build` no longer prints a "First Load JS" column, so this reads what the
// build wrote: for a route, the browser first loads the root main files of
// server/app/<route>/page/build-manifest.json plus every entry chunk of the route's layouts
// and page in server/app/<route>/page_client-reference-manifest.js (`entryJSFiles`). Chunks
// behind next/dynamic (react-loadable-manifest.json: the charts) load after hydration and are
// listed apart. Sizes: gzip level 9 of the files under <distDir>/static, in kB of 1,000 bytes
// (as Next's own size column used), each chunk counted once per route.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";

/** The dashboards of issue #5 (listed first by the bench). */
export const dashboardRoutes = ["/dashboard", "/dashboard/quadrant", "/dashboard/meetings", "/cases/dashboard", "/units/[id]", "/review"];
/** Issue 16: every route's first load ≤ 170 kB gzipped (issue #5 asked ≤ 200 kB of the dashboards). */
export const FIRST_LOAD_LIMIT_KB = 170;

const gzipCache = new Map();
function gzipBytes(distDir, file) {
  const full = path.join(distDir, file.replace(/^\/?_next\//, "").replace(/^\//, ""));
  if (!gzipCache.has(full)) gzipCache.set(full, gzipSync(readFileSync(full), { level: 9 }).length);
  return gzipCache.get(full);
}

function findManifests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) findManifests(full, out);
    else if (name === "page_client-reference-manifest.js") out.push(full);
  }
  return out;
}

/** `/(app)/units/[id]` → `/units/[id]`; the route groups do not show in the URL. */
const routeOf = (appDir, manifest) =>
  `/${path
    .relative(appDir, path.dirname(manifest))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s))
    .join("/")}`;

function readJson(file, fallback) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return fallback;
  }
}

/** [{route, firstLoadKb, chunks, dynamicKb}] for every page of the build, sorted by route. */
export function routeSizes(distDir = process.env.NEXT_DIST_DIR || ".next") {
  const appDir = path.join(distDir, "server", "app");
  const rows = [];
  for (const manifest of findManifests(appDir)) {
    const pageDir = path.join(path.dirname(manifest), "page");
    const sandbox = { globalThis: {} };
    sandbox.globalThis.__RSC_MANIFEST = {};
    new Function("globalThis", readFileSync(manifest, "utf8"))(sandbox.globalThis);
    const entries = Object.values(sandbox.globalThis.__RSC_MANIFEST)[0]?.entryJSFiles ?? {};
    const build = readJson(path.join(pageDir, "build-manifest.json"), { rootMainFiles: [] });
    const files = new Set([...build.rootMainFiles, ...Object.values(entries).flat()]);
    const loadable = readJson(path.join(pageDir, "react-loadable-manifest.json"), {});
    const dynamicFiles = new Set(
      Object.values(loadable)
        .flatMap((m) => m.files)
        .filter((f) => !files.has(f)),
    );
    const sum = (set) => [...set].reduce((n, f) => n + gzipBytes(distDir, f), 0) / 1000;
    rows.push({ route: routeOf(appDir, manifest), firstLoadKb: sum(files), chunks: files.size, dynamicKb: sum(dynamicFiles) });
  }
  return rows.sort((a, b) => a.route.localeCompare(b.route));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const distDir = process.argv[2] ?? process.env.NEXT_DIST_DIR ?? ".next";
  const rows = routeSizes(distDir);
  console.log(`First-load JS per route (gzip -9), build in ${distDir}; target ≤ ${FIRST_LOAD_LIMIT_KB} kB on every route\n`);
  console.log("| route | first load (kB gz) | chunks | after hydration: next/dynamic (kB gz) | target |");
  console.log("|---|---:|---:|---:|---|");
  for (const r of rows) {
    const target = r.firstLoadKb <= FIRST_LOAD_LIMIT_KB ? "met" : "MISSED";
    console.log(`| ${r.route} | ${r.firstLoadKb.toFixed(1)} | ${r.chunks} | ${r.dynamicKb.toFixed(1)} | ${target} |`);
  }
}
