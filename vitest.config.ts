import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { isolatedIntegrationFiles } from "./tests/integration/isolated-files";

// "server-only" throws outside Next's react-server resolution; the tests run server code in plain Node.
const alias = {
  "~": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

/** What both integration projects (shared modules, isolated files) set. */
const integration = {
  environment: "node" as const,
  // Opening a database and migrating it can take minutes on a loaded 2-core machine (some tests open their own:
  // a restart, a seed); a slow test or hook is not a failure, so neither sets a shorter limit of its own.
  testTimeout: 240_000,
  hookTimeout: 240_000,
  // Each file opens its own database; two at a time suits a 2-core machine.
  maxWorkers: 2,
  // next-auth imports "next/server" without an extension, which Node's ESM loader refuses; let Vite resolve it.
  server: { deps: { inline: ["next-auth"] } },
} satisfies TestProjectInlineConfiguration["test"];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // 5 s (vitest's default) is not enough for a file's first test on a loaded 2-core machine.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 60_000, sequence: { groupOrder: 0 } },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: isolatedIntegrationFiles,
          // The files of a worker share one module graph: the whole server is imported once per worker, not once per
          // file (≈ 100 s of CPU over the suite). What a file leaves in process-wide state is reset before the next
          // (tests/integration/per-file-setup.ts); files that change modules, globals or the environment run apart.
          isolate: false,
          setupFiles: ["tests/integration/per-file-setup.ts"],
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: "integration-isolated",
          include: isolatedIntegrationFiles,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
