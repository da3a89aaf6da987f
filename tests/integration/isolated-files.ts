/**
 * Integration test files that run in a module graph of their own (vitest.config.ts, project
 * "integration-isolated"); every other integration file shares its worker's modules with the
 * files before it. Listed: a file that mocks a module (vi.mock / vi.doMock), stubs globals, timers
 * or the environment, spies on a module, or replaces the app's shared database connection
 * (globalThis.__djzlDb) — what would otherwise stay changed for the next file.
 * tests/unit/isolated-integration-files.test.ts fails when such a file is not listed here.
 */
export const isolatedIntegrationFiles = [
  "tests/integration/api-lane.test.ts",
  "tests/integration/auth-endpoints-fuzz.test.ts",
  "tests/integration/authz/file-routes.test.ts",
  "tests/integration/db-faults.test.ts",
  "tests/integration/refusal-audit-page.test.ts",
  "tests/integration/replica-fallback.test.ts",
  "tests/integration/request-round-trips.test.ts",
  "tests/integration/sessions.test.ts",
  "tests/integration/snapshot-memo.test.ts",
  "tests/integration/startup-check.test.ts",
];

/** What makes a file need its own module graph (see above). */
export const needsIsolation =
  /\bvi\.(mock|doMock|stubEnv|stubGlobal|spyOn|useFakeTimers|setSystemTime)\b|process\.env\.\w+\s*=[^=]|process\.env\[[^\]]+\]\s*=[^=]|delete process\.env|Object\.assign\(process\.env|__djzl/;
