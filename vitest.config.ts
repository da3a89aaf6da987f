import path from "node:path";
import { defineConfig } from "vitest/config";

// "server-only" throws outside Next's react-server resolution; the tests run server code in plain Node.
const alias = {
  "~": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

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
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Opening a database and migrating it can take minutes on a loaded 2-core machine (some tests open their own:
          // a restart, a seed); a slow test or hook is not a failure, so neither sets a shorter limit of its own.
          testTimeout: 240_000,
          hookTimeout: 240_000,
          // Each file opens its own database; two at a time suits a 2-core machine.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          // next-auth imports "next/server" without an extension, which Node's ESM loader refuses; let Vite resolve it.
          server: { deps: { inline: ["next-auth"] } },
        },
      },
    ],
  },
});
