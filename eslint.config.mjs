// ESLint 9 flat config: Next's rules (core web vitals), typescript-eslint's type-aware rules, and the
// layer boundaries of docs/architecture.md written as no-restricted-imports.
import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

/** `from "~/x"` and `from "~/x/…"` both count as importing layer x. */
const layer = (name) => [`~/${name}`, `~/${name}/**`];

/** The rule's options for "this folder must not import these layers" (type-only imports may be allowed). */
const forbid = (message, groups, allowTypeImports = false) => [
  "error",
  { patterns: [{ group: groups.flatMap(layer), message, allowTypeImports }] },
];

// Files under app/ that run only on the server and so may import server values: server components
// (pages, layouts), route handlers, server actions, the session helper, the server-side tRPC caller and
// the prefetch helpers pages call.
const appServerFiles = [
  "app/**/page.tsx",
  "app/**/layout.tsx",
  "app/**/not-found.tsx",
  "app/**/route.ts",
  "app/api/**",
  "app/**/*actions.ts",
  "app/_lib/locale-action.ts",
  "app/_lib/session.ts",
  "app/_lib/trpc/page-read.ts",
  "app/(app)/review/[[]id]/meeting-id.ts",
  // Server modules of a page (each imports "server-only"): the navigation and the login notice.
  "app/_components/app-nav.tsx",
  "app/login/notice.ts",
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "coverage/**",
      "next-env.d.ts",
      "db/migrations/**",
    ],
  },
  ...nextVitals,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ["*.mjs", "*.js", "scripts/*.mjs", "server/workers/*.mjs"] } },
    },
    linterOptions: { reportUnusedDisableDirectives: "warn" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      // Its autofix removed assertions tsc needs (server/scope.ts `rowTables[kind as keyof …]`, import-job/get.ts's
      // `job.result as JobResult`): type-check is the judge of assertions; the rest it found were removed.
      "@typescript-eslint/no-unnecessary-type-assertion": "off",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // Passing on a caught error (typed unknown) as the rejection is what every such call here does.
      "@typescript-eslint/prefer-promise-reject-errors": ["error", { allowThrowingAny: true, allowThrowingUnknown: true }],
      // The React Compiler's rules (eslint-plugin-react-hooks 7). The app does not use the compiler, and the
      // places they flag (latest-value refs read in render, a reset in an effect, a chart's running x) are
      // deliberate; rewriting them would change behaviour this refactor must keep.
      "react-hooks/refs": "off",
      "react-hooks/set-state-in-effect": "off",
      "react-hooks/immutability": "off",
    },
  },
  // Tests: Playwright and vitest fixtures call `use()`, which is not React's hook; `expect.any()` and
  // `expect.objectContaining()` are typed any; async callbacks satisfy an async interface without awaiting;
  // spreadsheet cells and caught errors are stringified on purpose in assertions' messages.
  {
    files: ["tests/**"],
    rules: {
      "react-hooks/rules-of-hooks": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-base-to-string": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },
  // Benchmark scripts print whatever an error carries.
  {
    files: ["scripts/bench*/**", "scripts/bench*.ts"],
    rules: { "@typescript-eslint/no-base-to-string": "off", "@typescript-eslint/restrict-template-expressions": "off" },
  },
  // Plain JavaScript (configs, Node scripts, the worker) has no types to check against.
  { files: ["**/*.mjs", "**/*.js"], ...tseslint.configs.disableTypeChecked },

  // Layer boundaries.
  {
    files: ["db/**"],
    rules: {
      "no-restricted-imports": forbid("db/ is the ground floor: it imports nothing from server/, app/ or scripts/.", [
        "server",
        "app",
        "scripts",
      ]),
    },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...layer("server"), ...layer("app"), "~/db/client", "node:*", "drizzle-orm/pglite", "drizzle-orm/postgres-js"],
              message: "lib/ is pure code shared by client and server: no server/, app/, database client or Node built-ins.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**"],
    ignores: appServerFiles,
    rules: {
      "no-restricted-imports": forbid(
        "Client code imports server/ only as `import type` (data types through RouterOutputs); shared values belong in lib/.",
        ["server", "db"],
        true,
      ),
    },
  },
  {
    // One home for links (app/_components/ui/link.tsx: no prefetch unless asked, issue 16).
    files: ["app/**"],
    ignores: ["app/_components/ui/link.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportDeclaration[source.value='next/link']",
          message: "Import { Link } from ~/app/_components/ui/link: it does not prefetch unless asked (issue 16, TBT).",
        },
      ],
    },
  },
  {
    files: ["server/**"],
    rules: { "no-restricted-imports": forbid("server/ does not import app/, scripts/ or tests/.", ["app", "scripts", "tests"]) },
  },
  {
    files: ["tests/e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test", "expect"],
              message: "Import test and expect from ./fixtures/test: it fails a spec whose pages show a missing message.",
            },
          ],
        },
      ],
    },
  },
);
