#!/usr/bin/env bash
# Step 1 of `npm run cluster`: the pg_auto_failover formation — a monitor, a primary (node1)
# and a hot standby (node2) with synchronous replication (replication quorum: a commit is
# acknowledged once the standby has it). Each pg_autoctl keeper runs in the background with its
# log under $CLUSTER_DIR/log; `stop.sh` ends them.
set -euo pipefail
. "$(dirname "$0")/env.sh"

mkdir -p "$CLUSTER_DIR/log" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chown -R postgres:postgres "$CLUSTER_DIR"
chmod 0700 "$XDG_RUNTIME_DIR"

# `postgres.sh node2` (re)starts one node's keeper only (the load test restarts a stopped standby).
if [ $# -gt 0 ]; then
  run_keeper "$1"
  exit 0
fi

if [ ! -d "$CLUSTER_DIR/monitor" ]; then
  as_pg pg_autoctl create monitor --pgdata "$CLUSTER_DIR/monitor" --pgport "$MONITOR_PORT" \
    --hostname 127.0.0.1 --auth trust --no-ssl >>"$CLUSTER_DIR/log/monitor.log" 2>&1
fi
run_keeper monitor
wait_port "$MONITOR_PORT" 60

create_node() {
  local name=$1 port=$2
  [ -d "$CLUSTER_DIR/$name" ] && return 0
  as_pg pg_autoctl create postgres --pgdata "$CLUSTER_DIR/$name" --pgport "$port" --hostname 127.0.0.1 \
    --name "$name" --dbname "$DB_NAME" --monitor "$MONITOR_URI" --auth trust --no-ssl \
    --pgctl "$PG_BIN/pg_ctl" >>"$CLUSTER_DIR/log/$name.log" 2>&1
}

create_node node1 "$NODE1_PORT"
run_keeper node1
create_node node2 "$NODE2_PORT"
run_keeper node2
wait_port "$NODE1_PORT" 120
wait_port "$NODE2_PORT" 120
# Settled: one primary and one secondary, each in the state the monitor assigned (whichever is
# which after an earlier failover), and the standby streaming from the primary. On a restart the
# monitor's view is stale until its health checks ran, hence the replication check too.
settled() {
  local port
  monitor_sql "select count(*) = 0 from pgautofailover.node where reportedstate <> goalstate" | grep -q t || return 1
  port=$(primary_port) && [ -n "$port" ] && [ -n "$(standby_port)" ] || return 1
  [ "$(as_pg psql -h 127.0.0.1 -p "$port" -d postgres -qAt -c "select count(*) from pg_stat_replication where state = 'streaming' and sync_state in ('sync', 'quorum')" 2>/dev/null)" = 1 ]
}
for ((i = 0; i < 180; i++)); do
  settled && break
  sleep 1
done
as_pg pg_autoctl show state --monitor "$MONITOR_URI"
