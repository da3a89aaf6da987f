#!/usr/bin/env bash
# Part of step 3: keeps bouncer-rw in front of the primary and bouncer-ro in front of the
# standby. Once a second it asks the monitor; when a failover has changed either, it rewrites
# that PgBouncer's [databases] line and reloads it (SIGHUP): PgBouncer then closes its server
# connections to the old node as they come free and opens new ones to the new node. The app's
# connections to PgBouncer stay; a write that reached the old primary after its demotion fails
# with 25006 and the app replaces its pool (db/lost-connection.ts). While there is no standby,
# bouncer-ro is left alone: the app's dashboards fall back to the primary by themselves.
set -uo pipefail
. "$(dirname "$0")/env.sh"

repoint() {
  local name=$1 port=$2 ini="$CLUSTER_DIR/$1/pgbouncer.ini"
  [ -n "$port" ] || return 0
  grep -q "^$DB_NAME = host=127.0.0.1 port=$port " "$ini" && return 0
  sed -i "s/^$DB_NAME = host=127.0.0.1 port=[0-9]* /$DB_NAME = host=127.0.0.1 port=$port /" "$ini"
  kill -HUP "$(cat "$CLUSTER_DIR/run/$name.pid")" && echo "$(date -u +%T) $name → 127.0.0.1:$port"
}

while true; do
  repoint bouncer-rw "$(primary_port)"
  repoint bouncer-ro "$(standby_port)"
  sleep 1
done
