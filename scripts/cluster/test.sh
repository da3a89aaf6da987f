#!/usr/bin/env bash
# `npm run test:cluster`: starts the cluster when it is not running (`npm run cluster -- start`),
# runs the mixed load with its failures (scripts/cluster/load-test.ts), and stops the cluster
# again if it started it. Exit code: the load test's (1 = an acknowledged write was lost or a
# bound was broken). About three minutes; not part of .ci/run (docs/scaling.md).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/env.sh"
cd "$here/../.."

started=0
if ! (exec 3<>/dev/tcp/127.0.0.1/"$NGINX_PORT") 2>/dev/null; then
  bash "$here/cluster.sh" start || exit 1
  started=1
fi
npx tsx --import ./server/lib/plain-node.mjs "$here/load-test.ts"
code=$?
[ "$started" = 1 ] && bash "$here/stop.sh"
exit $code
