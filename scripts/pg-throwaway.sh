# shellcheck shell=bash
# A throwaway PostgreSQL server for tests and CI. Meant to be sourced:
#
#   source scripts/pg-throwaway.sh
#   pg_throwaway_start        # exports TEST_DATABASE_URL=postgres://postgres@127.0.0.1:PORT/postgres
#   trap pg_throwaway_stop EXIT
#   ...
#   pg_throwaway_stop         # stops the server and deletes its data dir (safe to call twice)
#
# Uses the newest /usr/lib/postgresql/*/bin (Debian), or $PG_BINDIR, or initdb on PATH.
# As root the server runs as the `postgres` user (PostgreSQL refuses to run as root).
# Port: $PG_THROWAWAY_PORT (default 54329) or the next free one of the following nine.
# fsync and friends are off: for tests only, never for a real database.
# Safe under `set -euo pipefail`: the functions return non-zero instead of dying half-way.

# Prints the directory holding initdb and pg_ctl, or returns 1.
pg_throwaway_bindir() {
  local candidate newest=""
  if [[ -n "${PG_BINDIR:-}" ]]; then
    if [[ -x "$PG_BINDIR/initdb" && -x "$PG_BINDIR/pg_ctl" ]]; then
      printf '%s\n' "$PG_BINDIR"
      return 0
    fi
    return 1
  fi
  for candidate in /usr/lib/postgresql/*/bin; do
    [[ -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]] || continue
    if [[ -z "$newest" ]] || [[ "$(printf '%s\n%s\n' "$newest" "$candidate" | sort -V | tail -n 1)" == "$candidate" ]]; then
      newest=$candidate
    fi
  done
  if [[ -z "$newest" ]] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    newest=$(dirname "$(command -v initdb)")
  fi
  [[ -n "$newest" ]] || return 1
  printf '%s\n' "$newest"
}

# True when a PostgreSQL server can be started here.
pg_throwaway_available() {
  pg_throwaway_bindir >/dev/null 2>&1 || return 1
  if [[ "$(id -u)" -eq 0 ]]; then
    id -u postgres >/dev/null 2>&1 && command -v runuser >/dev/null 2>&1 || return 1
  fi
  return 0
}

# Runs a command as the postgres user when we are root, directly otherwise (from /, so a
# home directory the postgres user cannot read does not matter).
_pg_throwaway_as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

# True when something already listens on 127.0.0.1:$1.
_pg_throwaway_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pg_throwaway_start() {
  if [[ -n "${PG_THROWAWAY_DIR:-}" ]]; then
    echo "pg-throwaway: already running on port ${PG_THROWAWAY_PORT:-?} (${PG_THROWAWAY_DIR})" >&2
    return 1
  fi
  local bindir dir port first tries=10 i started="" version
  if ! bindir=$(pg_throwaway_bindir); then
    echo "pg-throwaway: PostgreSQL binaries not found (apt-get install postgresql, or set PG_BINDIR)" >&2
    return 1
  fi
  if [[ "$(id -u)" -eq 0 ]] && ! id -u postgres >/dev/null 2>&1; then
    echo "pg-throwaway: running as root but there is no 'postgres' user to run the server as" >&2
    return 1
  fi
  if ! dir=$(mktemp -d "${TMPDIR:-/tmp}/pg-throwaway.XXXXXXXX"); then
    echo "pg-throwaway: mktemp failed" >&2
    return 1
  fi
  if [[ "$(id -u)" -eq 0 ]] && ! chown postgres: "$dir"; then
    echo "pg-throwaway: could not chown $dir to postgres" >&2
    rm -rf -- "$dir"
    return 1
  fi
  chmod 700 "$dir" || true

  if ! _pg_throwaway_as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres \
    --encoding=UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1; then
    echo "pg-throwaway: initdb failed:" >&2
    sed 's/^/  /' "$dir/initdb.log" >&2 || true
    rm -rf -- "$dir"
    return 1
  fi

  first=${PG_THROWAWAY_PORT:-54329}
  for ((i = 0; i < tries; i++)); do
    port=$((first + i))
    # The last try takes a port the kernel says is free, should the fixed ones all be taken.
    if ((i == tries - 1)); then port=$(node "$(dirname "${BASH_SOURCE[0]}")/free-port.mjs" 2>/dev/null) || port=$((first + i)); fi
    _pg_throwaway_port_busy "$port" && continue
    if _pg_throwaway_as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/data/log" -w -t 300 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >"$dir/pg_ctl.log" 2>&1; then
      started=1
      break
    fi
    # Lost a race for the port: try the next one; any other failure is final.
    if ! grep -qiE "could not bind|address already in use" "$dir/data/log" 2>/dev/null; then
      break
    fi
  done
  if [[ -z "$started" ]]; then
    echo "pg-throwaway: the server did not start (ports $first–$((first + tries - 2)) and one free port tried):" >&2
    tail -n 20 "$dir/pg_ctl.log" "$dir/data/log" 2>/dev/null | sed 's/^/  /' >&2 || true
    _pg_throwaway_as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf -- "$dir"
    return 1
  fi

  version=$(cat "$dir/data/PG_VERSION" 2>/dev/null || echo "?")
  export PG_THROWAWAY_DIR=$dir PG_THROWAWAY_PORT=$port PG_THROWAWAY_BINDIR=$bindir
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "pg-throwaway: PostgreSQL $version started on 127.0.0.1:$port (data in $dir)"
}

pg_throwaway_stop() {
  local dir=${PG_THROWAWAY_DIR:-} port=${PG_THROWAWAY_PORT:-?} bindir=${PG_THROWAWAY_BINDIR:-}
  [[ -n "$dir" ]] || return 0
  if [[ -d "$dir/data" && -n "$bindir" ]]; then
    _pg_throwaway_as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
      _pg_throwaway_as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf -- "$dir" || true
  if [[ "${TEST_DATABASE_URL:-}" == "postgres://postgres@127.0.0.1:$port/postgres" ]]; then
    unset TEST_DATABASE_URL
  fi
  unset PG_THROWAWAY_DIR PG_THROWAWAY_PORT PG_THROWAWAY_BINDIR
  echo "pg-throwaway: PostgreSQL on port $port stopped and removed"
  return 0
}
