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
      const failedInFile = (result.assertionResults ?? []).filter((a) => a.status === "failed").length;
      if (result.status === "failed" && failedInFile === 0) f += 1;
    }
    failed += f;
  } else if (report.stats && typeof report.stats.expected === "number") {
    // Playwright: expected = passed, unexpected = failed, flaky = passed on retry.
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    let f = report.stats.unexpected ?? 0;
    // Global errors (webServer did not start, config error) fail the run without a test.
    if (f === 0 && (report.errors ?? []).length > 0) f += report.errors.length;
    failed += f;
  } else {
    notes.push(`${file}: not a vitest or Playwright JSON report`);
  }
}

for (const note of notes) console.error(`summarise-tests: ${note}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
