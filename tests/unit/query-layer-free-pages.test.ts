import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Issue 16: a page rendered from server data must not bring the query layer (React Query, the tRPC
// client, superjson: ~21 kB gz) into its first load. It may still load it later, behind a dynamic
// `import()` (a dialog, a picker opened on demand). This walks the static imports from the route's
// layouts and page, server modules included: Turbopack lists every client module a page's server
// graph imports among the page's client references, rendered or not (a server module that imported
// React Query's provider, as the removed `trpc/server.tsx` did, brought it in). The rule is kept
// simple: these pages' modules import no React Query at all (they read through
// `~/app/_lib/trpc/page-read`, which calls the procedures directly). It names the first path that
// brings the layer in.

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Every route: since session 13 all pages are rendered from server data (their app/ directory, found
 * by their page.tsx). A page that needs the query layer loads it on use (`lazyDialog`,
 * `UnitPickerShell`, `useLazyMutation`).
 */
function findRoutes(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "api" && !entry.name.startsWith("_")) findRoutes(full, out);
    else if (entry.name === "page.tsx") out.push(path.relative(root, dir).split(path.sep).join("/"));
  }
  return out;
}
const serverRenderedRoutes = findRoutes(path.join(root, "app")).sort();

/** React Query and its tRPC bindings: not imported by any module of these pages, server or client. */
const clientComponentPackages = [/^@tanstack\/react-query/, /^@trpc\/tanstack-react-query/];
/** Packages of the query layer that reach the browser when a client module imports them. */
const clientOnlyPackages = [/^@trpc\/client/, /^superjson$/];
/** The browser-side provider. */
const queryLayerModules = ["app/_lib/trpc/react.tsx"];

const importPattern = /^\s*(?:import|export)\s+(?!type\b)([^'"]*?)\s*from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm;

function resolveModule(spec: string, from: string): string | null {
  let base: string;
  if (spec.startsWith("~/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null; // a package
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (existsSync(candidate) && candidate.match(/\.(tsx?|mjs|js)$/)) return candidate;
  }
  return null;
}

const isClientModule = (source: string) => /^\s*["']use client["']/.test(source.replace(/^(\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/)*/, ""));

/** The chain of modules that brings the query layer into the first load, or null. */
function queryLayerPath(entry: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, client: boolean, chain: string[]): string[] | null => {
    const key = `${file}|${client}`;
    if (seen.has(key)) return null;
    seen.add(key);
    const source = readFileSync(file, "utf8");
    const inClient = client || isClientModule(source);
    const here = [...chain, path.relative(root, file)];
    if (queryLayerModules.includes(path.relative(root, file))) return here;
    for (const m of source.matchAll(importPattern)) {
      const spec = m[2] ?? m[3]!;
      if (clientComponentPackages.some((p) => p.test(spec))) return [...here, spec];
      if (inClient && clientOnlyPackages.some((p) => p.test(spec))) return [...here, spec];
      const next = resolveModule(spec, file);
      if (next) {
        const found = walk(next, inClient, here);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(entry, false, []);
}

/** The route's layouts from app/ down, then its page. */
function routeEntries(routeDir: string): string[] {
  const parts = routeDir.split("/");
  const files: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const layout = path.join(root, ...parts.slice(0, i), "layout.tsx");
    if (existsSync(layout)) files.push(layout);
  }
  files.push(path.join(root, routeDir, "page.tsx"));
  return files;
}

describe("the query layer stays out of server-rendered pages' first load", () => {
  it("the walker finds it where it is (a dialog that loads the query layer when it opens)", () => {
    expect(queryLayerPath(path.join(root, "app/(app)/admin/users/user-form-dialog.tsx"))).not.toBeNull();
    expect(queryLayerPath(path.join(root, "app/(app)/layout.tsx"))).toBeNull();
  });

  it("walks every route (the signed-in pages, login)", () => {
    expect(serverRenderedRoutes).toEqual(expect.arrayContaining(["app/(app)", "app/(app)/report", "app/(app)/admin/audit", "app/login"]));
    expect(serverRenderedRoutes.length).toBeGreaterThanOrEqual(32);
  });

  it.each(serverRenderedRoutes)("%s", (routeDir) => {
    for (const entry of routeEntries(routeDir)) {
      expect(queryLayerPath(entry), path.relative(root, entry)).toBeNull();
    }
  });
});
