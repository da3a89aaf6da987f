#!/usr/bin/env bash
# `npm run cluster -- stop`: stops what `npm run cluster` started, in reverse order — nginx,
# the app instances, the PgBouncers, then the pg_auto_failover keepers (each stops its
# PostgreSQL), and any copy `npm run restore -- --pitr` started under $CLUSTER_DIR/pitr. Only
# processes whose pid files are under $CLUSTER_DIR. Data is kept.
# `stop.sh app1` (or app2, bouncer-ro, node2, …) stops one part only.
set -uo pipefail
. "$(dirname "$0")/env.sh"

# A keeper is stopped by its own command (it finds itself by its pid file under
# XDG_RUNTIME_DIR): it stops its PostgreSQL (fast shutdown), then exits. Waits for PostgreSQL.
stop_keeper() {
  local pgdata="$CLUSTER_DIR/$1" i
  [ -d "$pgdata" ] || return 0
  as_pg pg_autoctl stop --fast --pgdata "$pgdata" >/dev/null 2>&1
  for ((i = 0; i < 150; i++)); do [ -f "$pgdata/postmaster.pid" ] || return 0; sleep 0.2; done
  echo "$1: PostgreSQL still running after 30 s" >&2
}

stop_pid() {
  local name=$1 file="$CLUSTER_DIR/run/$1.pid" pid i
  [ -s "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    # app instances run in their own process group (setsid): end the group, server included.
    if [[ $name == app* ]]; then
      kill -TERM -- -"$pid" 2>/dev/null || kill -TERM "$pid"
    elif [[ $name == node* || $name == monitor ]]; then
      stop_keeper "$name"
    else
      kill -TERM "$pid"
    fi
    for ((i = 0; i < 150; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { echo "$name (pid $pid) did not stop in 30 s: killing it" >&2; kill -KILL "$pid"; }
  fi
  rm -f "$file"
}

if [ $# -gt 0 ]; then
  for name in "$@"; do stop_pid "$name"; done
  exit 0
fi
[ -s "$CLUSTER_DIR/run/nginx.pid" ] && nginx -c "$CLUSTER_DIR/nginx/nginx.conf" -p "$CLUSTER_DIR/nginx" -s quit 2>/dev/null
for name in app1 app2 follow bouncer-rw bouncer-ro node2 node1 monitor; do stop_pid "$name"; done
for pgdata in "$CLUSTER_DIR"/pitr/*; do
  [ -f "$pgdata/postmaster.pid" ] && as_pg pg_ctl -D "$pgdata" stop -m fast >/dev/null
done
# Keepers whose pid file is gone (a start-up cut short) are stopped by their own command.
for name in node2 node1 monitor; do stop_keeper "$name"; done
echo "cluster stopped (data kept in $CLUSTER_DIR)"
