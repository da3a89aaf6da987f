#!/usr/bin/env bash
# `npm run cluster -- stop`: stops what `npm run cluster` started, in reverse order — nginx,
# the app instances, the PgBouncers, then the pg_auto_failover keepers (each stops its
# PostgreSQL). Only processes whose pid files are under $CLUSTER_DIR/run. Data is kept.
# `stop.sh app1` (or app2, bouncer1, node2, …) stops one part only.
set -uo pipefail
. "$(dirname "$0")/env.sh"

stop_pid() {
  local name=$1 file="$CLUSTER_DIR/run/$1.pid" pid i
  [ -s "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    # app instances run in their own process group (setsid): end the group, server included.
    if [[ $name == app* ]]; then kill -TERM -- -"$pid" 2>/dev/null || kill -TERM "$pid"; else kill -TERM "$pid"; fi
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
for name in app1 app2 bouncer1 bouncer2 node2 node1 monitor; do stop_pid "$name"; done
echo "cluster stopped (data kept in $CLUSTER_DIR)"
