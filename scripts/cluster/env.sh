# The cluster's layout on loopback, shared by every scripts/cluster/*.sh (sourced, not run).
# Ports 36000–36099 only; everything lives under $CLUSTER_DIR (never the system's clusters).
# Every port can be overridden from the environment (the PITR test runs a second cluster on 361xx).
CLUSTER_DIR="${CLUSTER_DIR:-/tmp/djzl-cluster}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
MONITOR_PORT=${MONITOR_PORT:-36000}
NODE1_PORT=${NODE1_PORT:-36001}
NODE2_PORT=${NODE2_PORT:-36002}
BOUNCER_RW_PORT=${BOUNCER_RW_PORT:-36011}
BOUNCER_RO_PORT=${BOUNCER_RO_PORT:-36012}
APP1_PORT=${APP1_PORT:-36021}
APP2_PORT=${APP2_PORT:-36022}
NGINX_PORT=${NGINX_PORT:-36080}
# Point-in-time recovery (docs/scaling.md "Point-in-time recovery"): the primary's archive_command
# copies each finished WAL segment into ARCHIVE_DIR; `npm run backup -- --base` puts base backups
# under BASE_DIR; `npm run restore -- --pitr` starts the restored copy on RESTORE_PORT.
ARCHIVE_DIR="$CLUSTER_DIR/wal-archive"
BASE_DIR="$CLUSTER_DIR/base"
RESTORE_PORT=${RESTORE_PORT:-36050}
DB_NAME=djzl
DB_USER=djzl
DB_PASSWORD="${DB_PASSWORD:-djzl-cluster}"
MONITOR_URI="postgres://autoctl_node@127.0.0.1:${MONITOR_PORT}/pg_auto_failover?sslmode=disable"
# Writes and the workflow pages: the PgBouncer that follows the primary (scripts/cluster/follow.sh).
WRITE_URL="postgres://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${BOUNCER_RW_PORT}/${DB_NAME}"
# Dashboards: the PgBouncer that follows the standby (the app falls back to WRITE_URL without it).
READ_URL="postgres://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${BOUNCER_RO_PORT}/${DB_NAME}"
# The monitor's view: the primary's and the standby's ports (empty while there is none).
monitor_sql() { as_pg psql -h 127.0.0.1 -p "$MONITOR_PORT" -d pg_auto_failover -qAt -c "$1" 2>/dev/null; }
primary_port() { monitor_sql "select primary_port from pgautofailover.get_primary('default', 0)"; }
standby_port() { monitor_sql "select nodeport from pgautofailover.node where reportedstate = 'secondary' and goalstate = 'secondary' limit 1"; }
export CLUSTER_DIR PG_BIN
# pg_autoctl keeps its state under XDG dirs: the cluster's own, not postgres's home.
export XDG_CONFIG_HOME="$CLUSTER_DIR/xdg/config" XDG_DATA_HOME="$CLUSTER_DIR/xdg/data" XDG_RUNTIME_DIR="$CLUSTER_DIR/xdg/run"
export PATH="$PG_BIN:$PATH"

# Runs a command as user postgres with the cluster's environment.
as_pg() {
  runuser -u postgres -- env PATH="$PATH" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" XDG_DATA_HOME="$XDG_DATA_HOME" \
    XDG_RUNTIME_DIR="$XDG_RUNTIME_DIR" PG_CONFIG="$PG_BIN/pg_config" "$@"
}

# Waits until a TCP port on 127.0.0.1 accepts connections (or fails after $2 seconds).
wait_port() {
  local port=$1 seconds=${2:-60} i
  for ((i = 0; i < seconds * 5; i++)); do
    (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && return 0
    sleep 0.2
  done
  echo "port $port did not open within ${seconds}s" >&2
  return 1
}

# Starts one pg_autoctl service (monitor or node) in the background, its pid in run/<name>.pid.
run_keeper() {
  local name=$1
  mkdir -p "$CLUSTER_DIR/run" "$CLUSTER_DIR/log"
  as_pg pg_autoctl run --pgdata "$CLUSTER_DIR/$name" >>"$CLUSTER_DIR/log/$name.log" 2>&1 &
  echo $! >"$CLUSTER_DIR/run/$name.pid"
}
