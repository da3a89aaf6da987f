#!/usr/bin/env bash
# Step 3 of `npm run cluster`: two PgBouncers in transaction mode — bouncer-rw (writes, the
# workflow pages) in front of the primary, bouncer-ro (dashboards) in front of the standby —
# and follow.sh, which re-points them when the monitor's view changes (a failover).
# Why not one pooler per node and target_session_attrs in the app: PgBouncer 1.18 answers every
# client with the parameters of its FIRST server login, so a node that has become a standby
# still reports in_hot_standby=off through its pooler and postgres.js keeps writing to it.
# Short waits, so a stopped node is reported to the app within seconds, not after minutes.
set -euo pipefail
. "$(dirname "$0")/env.sh"

start_bouncer() {
  local name=$1 port=$2 node_port=$3 dir="$CLUSTER_DIR/$1"
  [ -n "$node_port" ] || { echo "$name: the monitor names no node to put it in front of" >&2; return 1; }
  mkdir -p "$dir"
  printf '"%s" "%s"\n' "$DB_USER" "$DB_PASSWORD" >"$dir/userlist.txt"
  cat >"$dir/pgbouncer.ini" <<INI
[databases]
$DB_NAME = host=127.0.0.1 port=$node_port dbname=$DB_NAME

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $dir/userlist.txt
pool_mode = transaction
max_client_conn = 400
default_pool_size = 20
server_connect_timeout = 3
server_login_retry = 1
query_wait_timeout = 5
logfile = $CLUSTER_DIR/log/$name.log
pidfile = $CLUSTER_DIR/run/$name.pid
INI
  chown -R postgres:postgres "$dir"
  chmod 0600 "$dir/userlist.txt"
  as_pg pgbouncer -d "$dir/pgbouncer.ini"
  wait_port "$port" 30
}

mkdir -p "$CLUSTER_DIR/run" && chown postgres:postgres "$CLUSTER_DIR/run"
start_bouncer bouncer-rw "$BOUNCER_RW_PORT" "$(primary_port)"
start_bouncer bouncer-ro "$BOUNCER_RO_PORT" "$(standby_port)"
bash "$(dirname "$0")/follow.sh" >>"$CLUSTER_DIR/log/follow.log" 2>&1 &
echo $! >"$CLUSTER_DIR/run/follow.pid"
