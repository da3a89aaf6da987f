#!/usr/bin/env bash
# Step 1 of `npm run cluster`: the pg_auto_failover formation — a monitor, a primary (node1)
# and a hot standby (node2) with synchronous replication (replication quorum: a commit is
# acknowledged once the standby has it). Each pg_autoctl keeper runs in the background with its
# log under $CLUSTER_DIR/log; `stop.sh` ends them. Each node archives its WAL into
# $CLUSTER_DIR/wal-archive once it is primary (point-in-time recovery, docs/scaling.md).
# CLUSTER_STANDBY=0 starts the monitor and node1 only (a single primary: the PITR test).
set -euo pipefail
. "$(dirname "$0")/env.sh"

mkdir -p "$CLUSTER_DIR/log" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$ARCHIVE_DIR"
chown -R postgres:postgres "$CLUSTER_DIR"
chmod 0700 "$XDG_RUNTIME_DIR" "$ARCHIVE_DIR"

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

# Continuous archiving: whichever node is primary copies each finished WAL segment into the
# archive (a standby archives nothing with archive_mode = on; after a failover the new primary
# goes on, on its new timeline). Never overwrites a segment: one already there is accepted only
# when identical (a retry after a crash), anything else stops archiving visibly in the log.
# Copied under a temporary name and renamed, so the archive never holds half a segment.
# archive_timeout: a quiet primary still archives at least once a minute, which bounds what a
# restore can lose. In its own file, included from postgresql.conf (pg_auto_failover owns
# postgresql-auto-failover.conf); pg_basebackup carries both to the standby and to base backups.
archive_wal() {
  local pgdata="$CLUSTER_DIR/$1" a="$ARCHIVE_DIR"
  cat >"$pgdata/postgresql-archive.conf" <<CONF
# Written by scripts/cluster/postgres.sh: WAL archiving for point-in-time recovery.
archive_mode = on
archive_command = 'test ! -f $a/%f && cp %p $a/%f.part && mv $a/%f.part $a/%f || cmp -s %p $a/%f'
archive_timeout = 60
CONF
  grep -q "^include 'postgresql-archive.conf'" "$pgdata/postgresql.conf" ||
    echo "include 'postgresql-archive.conf'" >>"$pgdata/postgresql.conf"
  chown postgres:postgres "$pgdata/postgresql-archive.conf"
}

create_node node1 "$NODE1_PORT"
archive_wal node1
run_keeper node1
if [ "${CLUSTER_STANDBY:-1}" != 0 ]; then
  create_node node2 "$NODE2_PORT"
  archive_wal node2
  run_keeper node2
  wait_port "$NODE2_PORT" 120
fi
wait_port "$NODE1_PORT" 120
# Settled: one primary and one secondary, each in the state the monitor assigned (whichever is
# which after an earlier failover), and the standby streaming from the primary. On a restart the
# monitor's view is stale until its health checks ran, hence the replication check too.
settled() {
  local port
  monitor_sql "select count(*) = 0 from pgautofailover.node where reportedstate <> goalstate" | grep -q t || return 1
  port=$(primary_port) && [ -n "$port" ] || return 1
  [ "${CLUSTER_STANDBY:-1}" = 0 ] && return 0
  [ -n "$(standby_port)" ] || return 1
  [ "$(as_pg psql -h 127.0.0.1 -p "$port" -d postgres -qAt -c "select count(*) from pg_stat_replication where state = 'streaming' and sync_state in ('sync', 'quorum')" 2>/dev/null)" = 1 ]
}
for ((i = 0; i < 180; i++)); do
  settled && break
  sleep 1
done
as_pg pg_autoctl show state --monitor "$MONITOR_URI"
