#!/usr/bin/env bash
# Step 4 of `npm run cluster`: two app instances (scripts/start.mjs, the production server) on
# two ports, sharing one AUTH_SECRET (a cookie signed by one is accepted by the other). Writes
# go to the primary through bouncer-rw, dashboards to the standby through bouncer-ro
# (server/lib/replica-fallback.ts falls back to the primary when it is unreachable).
# prepare=false: PgBouncer 1.18 in transaction mode cannot keep prepared statements.
# `apps.sh 1` or `apps.sh 2` (re)starts one instance only.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$(dirname "$0")/../.."

secret_file="$CLUSTER_DIR/auth-secret"
[ -s "$secret_file" ] || (umask 077 && openssl rand -hex 32 >"$secret_file")

start_app() {
  local n=$1 port=$2
  AUTH_SECRET="$(cat "$secret_file")" PORT="$port" HOSTNAME=127.0.0.1 TRUST_PROXY=1 AUTH_TRUST_HOST=true \
    DATABASE_URL="$WRITE_URL?prepare=false&connect_timeout=5" \
    DATABASE_READ_URL="$READ_URL?prepare=false&connect_timeout=5" \
    PGLITE_DIR="$CLUSTER_DIR/unused-pglite" \
    setsid node scripts/start.mjs --demo >>"$CLUSTER_DIR/log/app$n.log" 2>&1 &
  echo $! >"$CLUSTER_DIR/run/app$n.pid"
}

which=${1:-all}
if [ "$which" != 2 ]; then start_app 1 "$APP1_PORT"; fi
if [ "$which" != 1 ]; then start_app 2 "$APP2_PORT"; fi
if [ "$which" != 2 ]; then wait_port "$APP1_PORT" 120; fi
if [ "$which" != 1 ]; then wait_port "$APP2_PORT" 120; fi
