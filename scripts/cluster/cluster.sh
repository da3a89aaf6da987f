#!/usr/bin/env bash
# `npm run cluster`: the app as a cluster of existing parts on loopback (docs/scaling.md
# "A cluster on one machine"): pg_auto_failover (monitor, primary, synchronous hot standby),
# migrations and the demo data, one PgBouncer per node, two app instances, nginx in front.
# Runs until Ctrl-C, then stops everything. `npm run cluster -- stop` stops a cluster
# started elsewhere; `npm run cluster -- start` starts one and returns (the load test uses it).
# Ports 36000–36099, data under $CLUSTER_DIR (default /tmp/djzl-cluster). Must run as root
# (PostgreSQL runs as user postgres). Needs the Debian packages postgresql-15,
# postgresql-15-auto-failover, pgbouncer and nginx.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/env.sh"
cd "$here/../.."

case "${1:-run}" in
  stop) exec bash "$here/stop.sh" ;;
  start | run) ;;
  *) echo "usage: npm run cluster [-- start|stop]" >&2 && exit 2 ;;
esac

for tool in pg_autoctl pgbouncer nginx "$PG_BIN/pg_ctl"; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install postgresql-15 postgresql-15-auto-failover pgbouncer nginx" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "npm run cluster runs as root (PostgreSQL itself runs as user postgres)" >&2; exit 1; }
[ -f .next/BUILD_ID ] || npm run build

trap 'echo "start-up failed: stopping what started (logs in $CLUSTER_DIR/log)" >&2; bash "$here/stop.sh"' ERR
echo "1/5 PostgreSQL: monitor, primary and synchronous standby (pg_auto_failover)"
bash "$here/postgres.sh"
echo "2/5 migrations and demo data on the primary"
bash "$here/database.sh"
echo "3/5 PgBouncer (transaction mode): one before the primary, one before the standby"
bash "$here/pgbouncer.sh"
echo "4/5 two app instances"
bash "$here/apps.sh"
echo "5/5 nginx"
bash "$here/nginx.sh"
trap - ERR

cat <<INFO
党建质量看板 cluster is up — demo accounts admin / leader / reviewer / staff, password demo1234
  app (nginx):     http://127.0.0.1:$NGINX_PORT
  instances:       http://127.0.0.1:$APP1_PORT  http://127.0.0.1:$APP2_PORT
  PgBouncer:       127.0.0.1:$BOUNCER_RW_PORT (primary)  127.0.0.1:$BOUNCER_RO_PORT (standby)
  PostgreSQL:      node1 127.0.0.1:$NODE1_PORT  node2 127.0.0.1:$NODE2_PORT  monitor 127.0.0.1:$MONITOR_PORT
  state:           runuser -u postgres -- env XDG_CONFIG_HOME=$XDG_CONFIG_HOME pg_autoctl show state --monitor '$MONITOR_URI'
  logs:            $CLUSTER_DIR/log
INFO

[ "${1:-run}" = start ] && exit 0
trap 'bash "$here/stop.sh"; exit 0' INT TERM
echo "Ctrl-C stops the cluster."
while true; do sleep 3600 & wait $!; done
