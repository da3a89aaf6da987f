// Prints `tests: N passed, M failed` from the JSON reports that scripts/test.sh writes to
// .data/test-reports/ (vitest: <name>.json, Playwright: e2e.json).
//
//   node scripts/summarise-tests.mjs [name …]
//
// With names, only those reports are read and a missing one is reported on stderr (the step
// crashed before writing it); without names, every *.json in the folder is read.
// Always exits 0: scripts/test.sh decides the exit code from the steps' own exit codes.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.join(root, ".data", "test-reports");

const names = process.argv.slice(2);
const files = names.length
  ? names.map((n) => (n.endsWith(".json") ? n : `${n}.json`))
  : existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
    : [];

let passed = 0;
let failed = 0;
const notes = [];
// Which tests failed, printed under the count: CI keeps only the end of the log.
const failures = [];
const firstLine = (text) =>
  String(text ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .find((l) => l.trim()) ?? "";

for (const file of files) {
  const full = path.join(dir, file);
  if (!existsSync(full)) {
    notes.push(`${file}: no report (the step failed before writing one)`);
    continue;
  }
  let report;
  try {
    report = JSON.parse(readFileSync(full, "utf8"));
  } catch (err) {
    notes.push(`${file}: unreadable report (${err.message})`);
    continue;
  }
  if (typeof report.numPassedTests === "number") {
    // vitest (Jest-compatible JSON)
    passed += report.numPassedTests;
    let f = report.numFailedTests ?? 0;
    // A file that fails to load has no failed test but a failed suite: count it once.
    for (const result of report.testResults ?? []) {
      const where = path.relative(root, result.name ?? "");
      const failedTests = (result.assertionResults ?? []).filter((a) => a.status === "failed");
      for (const a of failedTests) failures.push(`${file} ${where} › ${a.fullName ?? a.title}: ${firstLine(a.failureMessages?.[0])}`);
      if (result.status === "failed" && failedTests.length === 0) {
        f += 1;
        failures.push(`${file} ${where}: ${firstLine(result.message) || "the file failed to run"}`);
      }
    }
    failed += f;
  } else if (report.stats && typeof report.stats.expected === "number") {
    // Playwright: expected = passed, unexpected = failed, flaky = passed on retry.
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    let f = report.stats.unexpected ?? 0;
    // Global errors (webServer did not start, config error) fail the run without a test.
    if (f === 0 && (report.errors ?? []).length > 0) {
      f += report.errors.length;
      for (const e of report.errors) failures.push(`${file}: ${firstLine(e.message)}`);
    }
    failed += f;
    const walk = (suite, titles) => {
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests ?? []) {
          if (test.status !== "unexpected") continue;
          const last = test.results?.[test.results.length - 1];
          failures.push(`${file} ${spec.file}:${spec.line} › ${[...titles, spec.title].join(" › ")}: ${firstLine(last?.error?.message)}`);
        }
      }
      // A file's own suite is titled with its path; describe() blocks add their titles.
      for (const child of suite.suites ?? []) walk(child, child.title && child.title !== child.file ? [...titles, child.title] : titles);
    };
    for (const suite of report.suites ?? []) walk(suite, []);
  } else {
    notes.push(`${file}: not a vitest or Playwright JSON report`);
  }
}

for (const note of notes) console.error(`summarise-tests: ${note}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
const shown = 30;
for (const line of failures.slice(0, shown)) console.log(`  failed: ${line.length > 300 ? `${line.slice(0, 297)}…` : line}`);
if (failures.length > shown) console.log(`  … and ${failures.length - shown} more`);
