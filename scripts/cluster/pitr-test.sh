#!/usr/bin/env bash
# `npm run test:pitr`: the point-in-time recovery drill, end to end, on a throwaway cluster of
# its own (the primary only: monitor + node1 with WAL archiving, no standby, PgBouncer, apps or
# nginx — PITR needs none of them). Ports: the first free block of 100 from 36100, data under /tmp/djzl-pitr (PITR_TEST_DIR),
# both removed at the start; it never touches the cluster of `npm run cluster`.
#   1. primary with archiving, migrations + demo data, a base backup (npm run backup -- --base);
#   2. write A (an audit row), note the time, write B, switch WAL so both are archived;
#   3. refused with a clear message: no base backup, a target before the base backup, an archive
#      gap (a segment moved aside), a target the archived WAL does not reach yet (now);
#   4. npm run restore -- --pitr --target-time <noted time> on a spare port: A present, B absent,
#      and the app's dashboard.overview (as the demo leader) serves the same from it as from
#      the primary (scripts/cluster/pitr-check.ts: through the tRPC caller, and over HTTP from
#      `next start` on a port the kernel picks when .next holds a build); `--latest` on another port: A and B present.
# Prints one summary line; exits 1 on any mismatch. Under 2 minutes on the shared machine
# under load: a step of .ci/run (after the build, so the HTTP leg runs there). Must run as root,
# like `npm run cluster`.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export CLUSTER_DIR="${PITR_TEST_DIR:-/tmp/djzl-pitr}" CLUSTER_STANDBY=0
# A block of 100 ports none of which listens (36100 first, PITR_TEST_PORT to start elsewhere): the
# drill must not assume its usual ports are free (another cluster, another drill, a developer's app).
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
block_free() {
  local p
  for p in $(seq "$1" $(($1 + 70))); do port_busy "$p" && return 1; done
  return 0
}
base=${PITR_TEST_PORT:-36100}
for _ in $(seq 1 20); do block_free "$base" && break; base=$((base + 100)); done
block_free "$base" || { echo "pitr-test: no free block of ports from ${PITR_TEST_PORT:-36100} on" >&2; exit 1; }
export MONITOR_PORT=$base NODE1_PORT=$((base + 1)) NODE2_PORT=$((base + 2)) RESTORE_PORT=$((base + 50))
. "$here/env.sh"
cd "$here/../.."
[ "$(id -u)" = 0 ] || { echo "pitr-test runs as root (PostgreSQL itself runs as user postgres)" >&2; exit 1; }

failures=()
fail() { failures+=("$1") && echo "FAIL: $1" >&2; }
stop_restored() {
  local d
  for d in "$CLUSTER_DIR"/pitr/* "$CLUSTER_DIR"/pitr-fail-*; do
    [ -f "$d/postmaster.pid" ] && as_pg pg_ctl -D "$d" stop -m fast >/dev/null 2>&1
  done
  return 0
}
cleanup() { stop_restored && bash "$here/stop.sh" >/dev/null; }
[ -d "$CLUSTER_DIR" ] && cleanup && rm -rf "$CLUSTER_DIR"
trap cleanup EXIT
sql() { as_pg psql -h 127.0.0.1 -p "$1" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qAt -c "$2"; }
# Runs a refused restore: it must fail and its message must contain $1.
refused() {
  local expect=$1 out
  shift
  if out=$(npm run --silent restore -- --pitr "$@" 2>&1); then
    fail "restore $* succeeded, expected: $expect"
  elif ! grep -q "$expect" <<<"$out"; then
    fail "restore $* failed without \"$expect\": $out"
  else
    refusals=$((refusals + 1)) && echo "refused as expected: $(tail -1 <<<"$out")"
  fi
}
secs() { echo $(($(date +%s) - $1)); }

t_all=$(date +%s)
echo "1/4 primary with WAL archiving, migrations and demo data"
bash "$here/postgres.sh" >/dev/null || { echo "the primary did not start (logs in $CLUSTER_DIR/log)" >&2; exit 1; }
t=$(date +%s)
bash "$here/database.sh" >/dev/null || { echo "migrations or the demo seed failed" >&2; exit 1; }
seed_s=$(secs "$t")
t=$(date +%s)
npm run --silent backup -- --base || { echo "the base backup failed" >&2; exit 1; }
backup_s=$(secs "$t")
base=$(basename "$(ls -d "$BASE_DIR"/*/ | tail -1)")

echo "2/4 write A, note the time, write B, archive both"
primary=$NODE1_PORT
tag="pitr-$(date +%s)"
audit() { sql "$primary" "insert into audit_log (action, entity, entity_id, after) values ('pitr.test', 'pitr', '$tag-$1', '{\"write\": \"$1\"}')"; }
# A segment of its own between the base backup and write A: the one the gap case moves aside.
audit before && between=$(sql "$primary" "select pg_walfile_name(pg_current_wal_lsn())") &&
  sql "$primary" "select pg_switch_wal()" >/dev/null
audit A
sleep 0.5
target=$(sql "$primary" "select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'")
sleep 0.5
audit B
last=$(sql "$primary" "select pg_walfile_name(pg_current_wal_lsn())")
sql "$primary" "select pg_switch_wal()" >/dev/null
for ((i = 0; i < 300; i++)); do [ -f "$ARCHIVE_DIR/$last" ] && break; sleep 0.2; done
[ -f "$ARCHIVE_DIR/$last" ] || fail "segment $last (writes A and B) not archived within 60 s"
echo "target time $target; A and B in $last, the gap case moves $between aside"

echo "3/4 refused: no base backup, a target before it, an archive gap, a target not archived yet"
refusals=0
mv "$BASE_DIR" "$BASE_DIR.aside" && mkdir "$BASE_DIR"
refused "没有基础备份" --target-time "$target"
rmdir "$BASE_DIR" && mv "$BASE_DIR.aside" "$BASE_DIR"
refused "早于最早的基础备份" --target-time "$(date -u -d "$(sed -n 's/^finished=//p' "$BASE_DIR/$base.info") - 1 minute" '+%Y-%m-%d %H:%M:%S+00')"
mv "$ARCHIVE_DIR/$between" "$CLUSTER_DIR/$between.aside"
refused "WAL 归档有缺口" --target-time "$target" --into "$CLUSTER_DIR/pitr-fail-gap"
mv "$CLUSTER_DIR/$between.aside" "$ARCHIVE_DIR/$between"
refused "归档的 WAL 未到达目标时间" --target-time "$(date -u '+%Y-%m-%d %H:%M:%S+00')" --into "$CLUSTER_DIR/pitr-fail-end"

echo "4/4 restore to the noted time on :$RESTORE_PORT"
t=$(date +%s)
npm run --silent restore -- --pitr --target-time "$target" || fail "the restore to $target failed"
restore_s=$(secs "$t")
found=$(sql "$RESTORE_PORT" "select string_agg(after->>'write', ',' order by id) from audit_log where action = 'pitr.test' and entity_id like '$tag-%'" 2>&1)
[ "$found" = "before,A" ] || fail "restored audit rows: expected before,A (A present, B absent), found: $found"
url() { echo "postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$1/$DB_NAME"; }
# The app's port is chosen by the kernel just before it starts: a fixed port of the block may have
# been handed out meanwhile as a client's ephemeral port (36170 was, once, in CI).
APP_PORT=$(node scripts/free-port.mjs)
check=$(npx tsx --import ./server/lib/plain-node.mjs "$here/pitr-check.ts" "$(url "$primary")" "$(url "$RESTORE_PORT")" "$APP_PORT" \
  "$CLUSTER_DIR/log/pitr-app.log" 2>&1) ||
  fail "the app on the restored copy: $check"
echo "$check"
npm run --silent restore -- --pitr --latest --port $((RESTORE_PORT + 1)) >/dev/null || fail "the restore with --latest failed"
latest=$(sql $((RESTORE_PORT + 1)) "select string_agg(after->>'write', ',' order by id) from audit_log where action = 'pitr.test' and entity_id like '$tag-%'" 2>&1)
[ "$latest" = "before,A,B" ] || fail "audit rows after --latest: expected before,A,B, found: $latest"

summary="seed ${seed_s}s, base backup ${backup_s}s, restore ${restore_s}s, total $(secs "$t_all")s; rows after restore: ${found:-none} (expected before,A), with --latest: ${latest:-none}; refusals $refusals/4"
if [ ${#failures[@]} -gt 0 ]; then
  echo "PITR test FAILED (${#failures[@]}): $summary" >&2
  exit 1
fi
echo "PITR test ok: $summary; $check"
