#!/usr/bin/env bash
# Step 3 of `npm run cluster`: one PgBouncer per PostgreSQL node, in transaction mode. The app
# lists both in one connection string (target_session_attrs picks the primary for writes and
# the standby for dashboards), as it would list the poolers beside each database host.
# Short waits, so a stopped node is reported to the app within seconds, not after minutes.
set -euo pipefail
. "$(dirname "$0")/env.sh"

start_bouncer() {
  local name=$1 port=$2 node_port=$3 dir="$CLUSTER_DIR/$1"
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
start_bouncer bouncer1 "$BOUNCER1_PORT" "$NODE1_PORT"
start_bouncer bouncer2 "$BOUNCER2_PORT" "$NODE2_PORT"
