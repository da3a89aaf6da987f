#!/usr/bin/env bash
# `npm run restore -- --pitr --target-time "<time>" | --latest [--base <UTC stamp>] [--port <n>] [--into <dir>]`:
# point-in-time recovery of the cluster (docs/scaling.md "Point-in-time recovery"). Copies a base
# backup (base-backup.sh; by default the newest one that finished before the target) into a
# fresh data directory, replays the WAL archive up to the target time (restore_command,
# recovery_target_time, recovery_target_action = promote), starts it as a plain PostgreSQL on a
# spare port (RESTORE_PORT, default 36050) and returns once it accepts writes, printing how to
# point the app at it. The cluster itself is left alone: compare, copy rows back, or make the
# restored copy the new primary (docs). The copy never archives into the cluster's archive (its
# new timeline would collide with the cluster's own after a later failover).
# <time>: anything `date -d` reads, in UTC unless it names a zone — "2026-12-07T01:02:03Z",
# "2026-12-07 01:02:03+00", "2026-12-07 09:02:03+08". --latest instead: everything archived (the
# newest base backup, then every archived segment; what the last archive_timeout window held on
# the primary and was not archived yet is not there).
set -euo pipefail
. "$(dirname "$0")/env.sh"

die() { echo "$1" >&2 && exit 1; }
target="" latest="" base="" port="$RESTORE_PORT" into=""
while [ $# -gt 0 ]; do
  case "$1" in
    --target-time) target="${2:-}" && shift 2 ;;
    --latest) latest=1 && shift ;;
    --base) base="${2:-}" && shift 2 ;;
    --port) port="${2:-}" && shift 2 ;;
    --into) into="${2:-}" && shift 2 ;;
    *) die "用法（Usage）: npm run restore -- --pitr --target-time \"2026-12-07 01:02:03+00\" | --latest [--base <stamp>] [--port <n>] [--into <dir>]" ;;
  esac
done
[ -n "$target$latest" ] || die "缺少 --target-time 或 --latest（恢复到的时间点）（--target-time or --latest is required: the moment to restore to）"
[ -n "$target" ] && [ -n "$latest" ] && die "--target-time 与 --latest 只能选一个（--target-time or --latest, not both）"
[ -n "$latest" ] && target=now
[ "$(id -u)" = 0 ] || die "时间点恢复须以 root 运行（PostgreSQL 以 postgres 用户运行）(run as root: PostgreSQL runs as user postgres)"
target_s=$(TZ=UTC date -d "$target" +%s.%N 2>/dev/null) ||
  die "无法识别目标时间（Unrecognised target time）: $target — 例如（e.g.）\"2026-12-07 01:02:03+00\""
target_pg=$(date -u -d "@$target_s" '+%Y-%m-%d %H:%M:%S.%6N+00')
epoch_of() { TZ=UTC date -d "$1" +%s.%N; }
before() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }
[ -z "$latest" ] && before "$(date +%s.%N)" "$target_s" && die "目标时间在将来（The target time is in the future）: $target_pg"

# The base backup: the one named, else the newest complete one that finished before the target.
mapfile -t complete < <(for f in "$BASE_DIR"/*.info; do [ -f "$f" ] && basename "$f" .info; done | sort)
[ ${#complete[@]} -gt 0 ] ||
  die "没有基础备份：请先运行 npm run backup -- --base（No base backup in $BASE_DIR: take one with npm run backup -- --base）"
finished_of() { sed -n 's/^finished=//p' "$BASE_DIR/$1.info"; }
if [ -n "$base" ]; then
  [ -f "$BASE_DIR/$base.info" ] && [ -d "$BASE_DIR/$base" ] ||
    die "基础备份不存在或不完整（No complete base backup）: $BASE_DIR/$base — 现有（available）: ${complete[*]}"
  before "$target_s" "$(epoch_of "$(finished_of "$base")")" &&
    die "目标时间 $target_pg 早于基础备份 $base 的完成时间 $(finished_of "$base")：只能恢复到备份完成之后（The target time is before base backup $base finished）"
else
  for ((i = ${#complete[@]} - 1; i >= 0; i--)); do
    before "$target_s" "$(epoch_of "$(finished_of "${complete[$i]}")")" || { base="${complete[$i]}" && break; }
  done
  [ -n "$base" ] ||
    die "目标时间 $target_pg 早于最早的基础备份（完成于 $(finished_of "${complete[0]}")），无法恢复到它之前（The target time is before the oldest base backup, finished at $(finished_of "${complete[0]}")）"
fi
[[ $port =~ ^[0-9]+$ ]] || die "端口须为数字（--port must be a number）: $port"
(exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null &&
  die "端口 $port 已被占用：请用 --port 指定空闲端口（Port $port is in use: choose a free one with --port）"
stamp=$(date -u -d "@$target_s" +%Y%m%dT%H%M%SZ)
[ -n "$latest" ] && stamp="latest-$stamp"
dest="${into:-$CLUSTER_DIR/pitr/$stamp-on-$port}"
[ -e "$dest" ] && [ -n "$(ls -A "$dest")" ] &&
  die "目标数据目录不是空的：恢复只写入新目录（The data directory is not empty: a restore goes into a fresh one）: $dest"

# Gaps in the archive between the backup's first segment and the newest archived one (on any
# timeline; a segment the backup carries in its own pg_wal counts as present). A gap before the
# target makes the replay stop short; it is named when that happens.
seg_bytes=$(as_pg pg_controldata "$BASE_DIR/$base" | sed -n 's/^Bytes per WAL segment: *//p')
per_log=$((0x100000000 / seg_bytes))
segno() { echo $((16#${1:8:8} * per_log + 16#${1:16:8})); }
declare -A have=()
for f in "$ARCHIVE_DIR"/* "$BASE_DIR/$base"/pg_wal/*; do
  name=$(basename "$f")
  [[ $name =~ ^[0-9A-F]{24}$ ]] && have[$(segno "$name")]=1
done
start_wal=$(sed -n 's/^start_wal=//p' "$BASE_DIR/$base.info")
first=$(segno "$start_wal")
last=$first
for n in "${!have[@]}"; do ((n > last)) && last=$n; done
gaps=()
for ((n = first; n <= last; n++)); do
  [ -n "${have[$n]:-}" ] || gaps+=("$(printf '%s%08X%08X' "${start_wal:0:8}" $((n / per_log)) $((n % per_log)))")
done
newest=$(ls "$ARCHIVE_DIR" | grep -E '^[0-9A-F]{24}$' | sort -k1.9 | tail -1 || true)

# The fresh data directory: the base backup, the recovery settings last (postgresql.auto.conf is
# read after postgresql.conf and pg_auto_failover's include). No standby to wait for, no archiving,
# the server log in one file.
mkdir -p "$dest" "$CLUSTER_DIR/log"
chown postgres:postgres "$dest"
log="$CLUSTER_DIR/log/pitr-$stamp-on-$port.log"
t0=$(date +%s)
as_pg cp -a "$BASE_DIR/$base/." "$dest/"
rm -f "$dest/backup_manifest"
cat >>"$dest/postgresql.auto.conf" <<CONF
# Written by scripts/cluster/pitr-restore.sh: a copy restored from base backup $base to $target_pg.
port = $port
synchronous_standby_names = ''
archive_mode = off
logging_collector = off
restore_command = 'cp $ARCHIVE_DIR/%f %p'
recovery_target_timeline = 'latest'
CONF
# Without a target, the replay ends with the archive and the server promotes itself.
[ -n "$latest" ] || printf "recovery_target_time = '%s'\nrecovery_target_action = 'promote'\n" "$target_pg" >>"$dest/postgresql.auto.conf"
touch "$dest/recovery.signal"
chown -R postgres:postgres "$dest"
chmod 0700 "$dest"
echo "从基础备份 $base 恢复到 $target_pg（restoring base backup $base to $target_pg）: $dest，日志（log）$log"

failed() {
  as_pg pg_ctl -D "$dest" stop -m fast >/dev/null 2>&1 || true
  if grep -q "recovery ended before configured recovery target was reached" "$log"; then
    if [ ${#gaps[@]} -gt 0 ]; then
      die "WAL 归档有缺口：缺少段 ${gaps[*]:0:5}，重放在目标时间之前中断（The WAL archive has a gap: missing ${gaps[*]:0:5}; the replay stopped before the target time）。数据目录留作检查（kept for inspection）: $dest"
    fi
    die "归档的 WAL 未到达目标时间（最新归档段 ${newest:-无}）：在主库执行 select pg_switch_wal() 或等待 archive_timeout 后重试，或用 --latest 恢复到归档末尾（The archived WAL ends before the target time: run select pg_switch_wal() on the primary, or wait for archive_timeout, and retry — or restore everything archived with --latest）。数据目录留作检查（kept）: $dest"
  fi
  grep -q "before consistent recovery point" "$log" &&
    die "目标时间早于基础备份的一致点（The target time is before the base backup's consistent point）: 选更早的基础备份（use an earlier base backup, --base）"
  die "恢复失败（Recovery failed）: $1 — 见日志（see the log）$log；数据目录（data directory）$dest"
}
as_pg pg_ctl -D "$dest" -l "$log" -w -t 3600 start >/dev/null || failed "PostgreSQL 未能启动（did not start）"
for ((i = 0; ; i++)); do
  [ "$(as_pg psql -h 127.0.0.1 -p "$port" -d postgres -qAt -c "select pg_is_in_recovery()" 2>/dev/null)" = f ] && break
  as_pg pg_ctl -D "$dest" status >/dev/null 2>&1 || failed "PostgreSQL 在重放中退出（exited during the replay）"
  ((i < 3600 * 5)) || failed "一小时内未完成重放（the replay did not finish within an hour）"
  sleep 0.2
done

cat <<INFO
已恢复到 $target_pg 并可写（restored to $target_pg and accepting writes）: 127.0.0.1:$port，$(($(date +%s) - t0)) s
  基础备份（base backup）: $BASE_DIR/$base；数据目录（data directory）: $dest
  应用指向它（point the app at it）:
    DATABASE_URL="postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$port/$DB_NAME" AUTH_SECRET=… PORT=<port> node scripts/start.mjs
  停止（stop）: runuser -u postgres -- $PG_BIN/pg_ctl -D $dest stop
INFO
