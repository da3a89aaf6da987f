#!/usr/bin/env bash
# `npm test` (after scripts/ensure-deps.mjs): every test suite, then one summary line
#   tests: N passed, M failed
#
#   a. unit tests                       vitest --project unit
#   b. integration tests on PGlite      vitest, projects integration + integration-isolated (no DATABASE_URL/TEST_DATABASE_URL)
#   c. integration tests on PostgreSQL  $TEST_DATABASE_URL, else a throwaway server (scripts/pg-throwaway.sh);
#                                       in the background, beside d, its output printed when d ends
#   d. browser tests                    next build (unless SKIP_BUILD=1), then Playwright with Chromium
#
# A missing PostgreSQL or Chromium is skipped with a message, except when CI is set: CI must
# test both databases and the browser. Steps a–c keep going after a failure so that the summary
# is complete; the exit code is non-zero if any step failed.
#
# Environment: TEST_DATABASE_URL, SKIP_BUILD=1, CHROMIUM_PATH, CI, PG_THROWAWAY_PORT, E2E_PORT (unset: a
# free port the kernel picks, so that another server on 3100 does not fail the run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NEXT_TELEMETRY_DISABLED=1

# A signal ends the script through `exit`, so the EXIT trap (stopping PostgreSQL) still runs.
trap 'exit 130' INT
trap 'exit 143' TERM

# shellcheck source=scripts/pg-throwaway.sh
source scripts/pg-throwaway.sh

is_ci() { [[ -n "${CI:-}" && "${CI}" != "false" && "${CI}" != "0" ]]; }

REPORTS=.data/test-reports
rm -rf "$REPORTS"
mkdir -p "$REPORTS"

failed_steps=()
reports=()
step_started=0
all_started=$SECONDS

banner() {
  step_started=$SECONDS
  echo
  echo "== $1"
}

# step_end NAME EXIT_CODE
step_end() {
  local elapsed=$((SECONDS - step_started))
  # Ctrl-C: vitest and Playwright catch SIGINT and exit 130, so bash does not run its own INT
  # trap (it assumes the child handled it). Stop here; the EXIT trap still cleans up.
  if [[ "$2" -eq 130 || "$2" -eq 143 ]]; then
    echo "== $1: interrupted"
    exit "$2"
  fi
  if [[ "$2" -eq 0 ]]; then
    echo "== $1: ok (${elapsed} s)"
  else
    echo "== $1: FAILED (exit $2, ${elapsed} s)"
    failed_steps+=("$1")
  fi
}

# skip_or_fail NAME MESSAGE: a missing tool is a skip locally, a failure under CI.
skip_or_fail() {
  if is_ci; then
    echo "== $1: FAILED — $2 (CI must run this step)"
    failed_steps+=("$1")
  else
    echo "== $1: skipped: $2"
  fi
}

# Appends a command to the EXIT trap, keeping whatever trap was there before.
add_exit_trap() {
  local existing
  existing=$(trap -p EXIT)
  if [[ -n "$existing" ]]; then
    eval "local -a parts=($existing)"
    # shellcheck disable=SC2064
    trap -- "$1; ${parts[2]}" EXIT
  else
    # shellcheck disable=SC2064
    trap -- "$1" EXIT
  fi
}

# run_vitest NAME ARGS…: runs vitest with a JSON report in $REPORTS/NAME.json.
run_vitest() {
  local name=$1
  shift
  reports+=("$name")
  npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$REPORTS/$name.json"
}

redact_url() { sed -E 's#(//[^:/@]*):[^@]*@#\1:***@#' <<<"$1"; }

# ---------------------------------------------------------------------------------------------
banner "unit tests (vitest --project unit)"
rc=0
run_vitest unit --project unit || rc=$?
step_end "unit tests" "$rc"

# ---------------------------------------------------------------------------------------------
banner "integration tests on PGlite (vitest --project integration --project integration-isolated)"
rc=0
env -u DATABASE_URL -u TEST_DATABASE_URL \
  npx vitest run --project integration --project integration-isolated \
  --reporter=default --reporter=json --outputFile.json="$REPORTS/integration-pglite.json" || rc=$?
reports+=("integration-pglite")
step_end "integration tests on PGlite" "$rc"

# ---------------------------------------------------------------------------------------------
# c. runs beside d: the browser tests keep about one core busy (the server and Chromium mostly
# wait for each other), the PostgreSQL run mostly waits for its server. Its output goes to a file,
# printed whole when it ends; its step is reported after the browser tests.
pg_pid=""
pg_log="$REPORTS/integration-postgres.log"
pg_label="integration tests on PostgreSQL"
pg_started=0
# Starts the integration tests on $TEST_DATABASE_URL in the background.
start_pg_tests() {
  pg_started=$SECONDS
  reports+=("integration-postgres")
  echo "== $pg_label (vitest --project integration --project integration-isolated): running beside the browser tests, output below when they end"
  run_vitest integration-postgres --project integration --project integration-isolated >"$pg_log" 2>&1 &
  pg_pid=$!
  # An interrupted run stops it too (then the throwaway server's trap runs).
  add_exit_trap 'if [[ -n "$pg_pid" ]]; then pkill -TERM -P "$pg_pid" 2>/dev/null || true; kill "$pg_pid" 2>/dev/null || true; wait "$pg_pid" 2>/dev/null || true; fi'
}
pg_skip=""
if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  echo
  echo "using TEST_DATABASE_URL=$(redact_url "$TEST_DATABASE_URL")"
  start_pg_tests
elif pg_throwaway_available; then
  add_exit_trap pg_throwaway_stop
  echo
  if pg_throwaway_start; then
    start_pg_tests
  else
    echo "== $pg_label: FAILED — the throwaway PostgreSQL server did not start"
    failed_steps+=("$pg_label")
  fi
else
  pg_skip="real PostgreSQL not installed (apt-get install postgresql) — set TEST_DATABASE_URL or install it"
fi

# Waits for the PostgreSQL run, prints its output and reports its step.
finish_pg_tests() {
  if [[ -n "$pg_skip" ]]; then
    skip_or_fail "$pg_label" "$pg_skip"
    return
  fi
  [[ -n "$pg_pid" ]] || return 0
  local rc=0
  wait "$pg_pid" || rc=$?
  pg_pid=""
  echo
  echo "== $pg_label (ran beside the browser tests)"
  cat "$pg_log"
  step_started=$pg_started
  step_end "$pg_label" "$rc"
}

# ---------------------------------------------------------------------------------------------
build_ok=1
if [[ "${SKIP_BUILD:-}" == "1" ]]; then
  echo
  echo "== next build: skipped (SKIP_BUILD=1)"
  if [[ ! -f .next/BUILD_ID ]]; then
    echo "== next build: FAILED — SKIP_BUILD=1 but there is no production build in .next (run npx next build)"
    failed_steps+=("next build")
    build_ok=0
  fi
else
  banner "next build"
  rc=0
  npx next build || rc=$?
  step_end "next build" "$rc"
  [[ "$rc" -eq 0 ]] || build_ok=0
fi

# ---------------------------------------------------------------------------------------------
banner "browser tests (playwright)"
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [[ "$build_ok" -ne 1 ]]; then
  echo "== browser tests: not run — the production build failed"
elif [[ -x "$chromium" ]]; then
  if command -v fc-list >/dev/null 2>&1 && ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    echo "note: fonts-noto-cjk is not installed: Chinese text renders as boxes in screenshots"
  fi
  rc=0
  reports+=("e2e")
  E2E_PORT=${E2E_PORT:-$(node scripts/free-port.mjs)}
  export E2E_PORT
  echo "e2e server on port $E2E_PORT"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/$REPORTS/e2e.json" CHROMIUM_PATH="$chromium" \
    npx playwright test --reporter=list,json || rc=$?
  step_end "browser tests" "$rc"
else
  skip_or_fail "browser tests" "Chromium not found at $chromium (apt-get install chromium, or set CHROMIUM_PATH)"
fi

finish_pg_tests
pg_throwaway_stop 2>/dev/null || true

# ---------------------------------------------------------------------------------------------
echo
echo "== summary ($((SECONDS - all_started)) s)"
node scripts/summarise-tests.mjs "${reports[@]}" || echo "tests: summary unavailable"
if [[ ${#failed_steps[@]} -gt 0 ]]; then
  printf 'failed steps: %s\n' "$(IFS=','; echo "${failed_steps[*]}" | sed 's/,/, /g')"
  exit 1
fi
