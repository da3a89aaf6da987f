#!/usr/bin/env bash
# Step 2 of `npm run cluster`: the app's role and database on the primary, then its migrations
# and the demo data, applied directly on the primary (not through PgBouncer: migrations take a
# session advisory lock, which transaction pooling cannot keep).
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$(dirname "$0")/../.."

primary=$(as_pg pg_autoctl show uri --formation default --monitor "$MONITOR_URI")
psql_primary() { as_pg psql "$primary" -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_primary -c "do \$\$ begin
  if not exists (select from pg_roles where rolname = '$DB_USER') then
    create role $DB_USER login password '$DB_PASSWORD';
  end if;
end \$\$;" -c "alter database $DB_NAME owner to $DB_USER" -c "alter schema public owner to $DB_USER"

# The primary's own port (whichever node it is after a failover): migrations go to it directly.
port=$(psql_primary -c "show port")
DATABASE_URL="postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$port/$DB_NAME" npm run --silent db:seed
