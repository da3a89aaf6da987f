import { TRPCError } from "@trpc/server";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import fc from "fast-check";
import superjson from "superjson";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import { importRunnerIdle } from "~/server/services/import-job/runner";
import { useTreeDb } from "../test-db";
import { callProcedure, procedureNames, type Called } from "./call";
import { changedTables, snapshot } from "./db-snapshot";
import { Fixtures } from "./fixtures";
import { changed, hostileInputs, pathsOf, tenMegabytes } from "./hostile";
import { policyTable } from "./policy";

/**
 * Fuzzed inputs (issue #7.2): fast-check sends every procedure hostile inputs (./hostile.ts),
 * built around the valid call of the policy table, as an admin — so authorization passes and
 * validation is what is tested. Every refusal must be a 4xx TRPCError whose message (as the
 * HTTP error formatter sends it) is Chinese first; never INTERNAL_SERVER_ERROR, never another
 * throw; and a refused call must leave every table as it was (row counts and an md5 of the
 * rows). Inputs that happen to be valid may succeed.
 *
 * FUZZ_RUNS (default 20) inputs per procedure; FUZZ_SEED replays a failure. A long run:
 *   FUZZ_RUNS=500 npx vitest run --project integration tests/integration/authz/fuzz.test.ts
 */
const runs = Number(process.env.FUZZ_RUNS ?? 20);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const t = useTreeDb();
let fx: Fixtures;

beforeAll(async () => {
  fx = await Fixtures.create(t.db, t.tree);
});

const acceptable = new Set(["BAD_REQUEST", "NOT_FOUND", "FORBIDDEN", "CONFLICT", "PRECONDITION_FAILED", "PAYLOAD_TOO_LARGE"]);

/** Chinese comes before any English word — in the message, or after the field name it starts with ("businessScore：…"). */
function chineseFirst(message: string): boolean {
  const first = (text: string) => {
    const han = text.search(/\p{Script=Han}/u);
    const english = text.search(/[A-Za-z]{3,}/);
    return han >= 0 && (english < 0 || han < english);
  };
  return first(message) || (message.includes("：") && first(message.slice(message.indexOf("：") + 1)));
}

const show = (input: unknown) => {
  const text = superjson.stringify(input);
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text;
};

/** Why the outcome of a call is unacceptable, or null when it is fine. */
function problemWith(path: string, input: unknown, called: Called): string | null {
  if (called.ok) return null;
  const { error } = called;
  if (!(error instanceof TRPCError)) return `threw ${String(error)}`;
  if (!acceptable.has(error.code)) return `${error.code}: ${error.message}${error.cause ? ` — cause: ${String(error.cause)}` : ""}`;
  const { message } = getErrorShape({ config: appRouter._def._config, error, type: "unknown", path, input, ctx: undefined });
  if (!chineseFirst(message)) return `${error.code} without a Chinese-first message: ${JSON.stringify(message)}`;
  return null;
}

/** The top-level keys of a procedure's input schema (through .optional() / .default()), optional ones included. */
function inputKeys(path: string): string[] {
  const procedure = (appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>)[path];
  let schema = procedure?._def.inputs[0] as { shape?: object; _zod?: { def?: { innerType?: unknown } } } | undefined;
  for (let depth = 0; schema && depth < 4; depth++) {
    if (schema.shape && typeof schema.shape === "object") return Object.keys(schema.shape);
    schema = schema._zod?.def?.innerType as typeof schema;
  }
  return [];
}

async function validInput(path: string) {
  const rule = policyTable[path];
  if (!rule) throw new Error(`${path} has no rule in the policy table (tests/integration/authz/policy.ts)`);
  return rule.input(t.tree.branchA, fx);
}

describe.each(procedureNames())("%s", (path) => {
  it(`answers ${runs} hostile inputs with a 4xx and a Chinese-first message, and a refusal changes nothing`, async () => {
    const valid = await validInput(path);
    let before = await snapshot(t.db);
    await fc.assert(
      fc.asyncProperty(hostileInputs(valid, inputKeys(path)), async (input) => {
        const called = await callProcedure(t.db, fx.adminActor, path, input);
        // An accepted import goes on in the background: let it finish before comparing the tables.
        await importRunnerIdle();
        const problem = problemWith(path, input, called);
        if (problem) throw new Error(`${path}(${show(input)}): ${problem}`);
        const after = await snapshot(t.db);
        const touched = called.ok ? [] : changedTables(before, after);
        if (touched.length > 0) throw new Error(`${path}(${show(input)}) was refused but changed ${touched.join(", ")}`);
        before = after;
      }),
      { numRuns: runs, seed },
    );
  });

  it("refuses a 10 MB string in any text field, and changes nothing", async () => {
    const valid = await validInput(path);
    const textFields = pathsOf(valid).filter(
      (p) => typeof p.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], valid) === "string",
    );
    // One call per text field, and one with the whole input a 10 MB string.
    const inputs = [tenMegabytes, ...textFields.map((field) => changed(valid, [{ path: field, value: tenMegabytes }]))];
    const wrong: string[] = [];
    for (const [i, input] of inputs.entries()) {
      const before = await snapshot(t.db);
      const called = await callProcedure(t.db, fx.adminActor, path, input);
      await importRunnerIdle();
      const problem = problemWith(path, undefined, called);
      const field = i === 0 ? "(whole input)" : textFields[i - 1]!.join(".");
      if (problem) wrong.push(`${field}: ${problem}`);
      else if (called.ok && i > 0) wrong.push(`${field}: a 10 MB string was accepted`);
      const touched = called.ok ? [] : changedTables(before, await snapshot(t.db));
      if (touched.length > 0) wrong.push(`${field}: refused but changed ${touched.join(", ")}`);
    }
    expect(wrong).toEqual([]);
  });
});
