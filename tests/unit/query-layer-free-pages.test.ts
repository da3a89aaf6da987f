import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Issue 16: a page rendered from server data must not bring the query layer (React Query, the tRPC
// client, superjson: ~21 kB gz) into its first load. It may still load it later, behind a dynamic
// `import()` (a dialog, a picker opened on demand). This walks the static imports from the route's
// layouts and page, server modules included: Turbopack lists every client module a page's server
// graph imports among the page's client references, rendered or not (importing
// `~/app/_lib/trpc/server` for anything brings HydrateClient's provider in). The rule is kept
// simple: these pages' modules import no React Query at all (they read through
// `~/app/_lib/trpc/page-read`, which calls the procedures directly). It names the first path that
// brings the layer in.

const root = path.resolve(import.meta.dirname, "../..");

/** Routes rendered from server data (their app/ directory). */
const serverRenderedRoutes: string[] = [
  "app/(app)/review/[id]/minutes",
  "app/(app)/review/[id]",
  "app/(app)/review/new",
  "app/(app)/review/[id]/present",
  "app/(app)/assessment/publicity",
  "app/(app)/assessment/items",
  "app/(app)/assessment/cycle",
  "app/(app)/assessment",
  "app/(app)/assessment/units/[unitId]",
  "app/(app)/assessment/duty",
  "app/(app)/assessment/dashboard",
  "app/(app)/assessment/simulator",
  "app/(app)/officers/[id]",
  "app/(app)/review",
  "app/(app)",
  "app/(app)/dashboard/quadrant",
  "app/(app)/dashboard/meetings",
  "app/(app)/dashboard",
  "app/(app)/units/[id]",
  "app/(app)/completeness",
  "app/(app)/meetings",
  "app/(app)/report",
  "app/(app)/cases/[id]",
  "app/(app)/cases",
  "app/(app)/inspections",
  "app/(app)/cases/dashboard",
  "app/(app)/admin/users",
  "app/(app)/admin/units",
  "app/(app)/admin/settings",
  "app/(app)/admin/officers",
  "app/(app)/admin/catalogue",
  "app/(app)/admin/audit",
];

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

  it.each(serverRenderedRoutes)("%s", (routeDir) => {
    for (const entry of routeEntries(routeDir)) {
      expect(queryLayerPath(entry), path.relative(root, entry)).toBeNull();
    }
  });
});
