#!/usr/bin/env bash
# `npm run backup -- --base [--keep <n>]`: a base backup of the cluster's primary (pg_basebackup,
# plain format, the WAL it needs streamed along) into $CLUSTER_DIR/base/<UTC time>, checked with
# pg_verifybackup. Together with the WAL archive the primary keeps in $CLUSTER_DIR/wal-archive
# (postgres.sh), it can be restored to any moment after it finished: `npm run restore -- --pitr`
# (pitr-restore.sh). Beside each backup, <time>.info records when it finished and its first WAL
# segment; a backup without it was cut short and is never used.
# --keep <n>: afterwards keeps the newest n base backups only, and removes the archived WAL
# segments older than the oldest one kept (pg_archivecleanup) — nothing a kept backup needs.
set -euo pipefail
. "$(dirname "$0")/env.sh"

die() { echo "$1" >&2 && exit 1; }
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep="${2:-}" && shift 2 ;;
    *) die "用法（Usage）: npm run backup -- --base [--keep <n>]" ;;
  esac
done
[[ -z $keep || $keep =~ ^[1-9][0-9]*$ ]] || die "--keep 须为正整数（--keep must be a positive whole number）: $keep"
[ "$(id -u)" = 0 ] || die "基础备份须以 root 运行（PostgreSQL 以 postgres 用户运行）(run as root: PostgreSQL runs as user postgres)"

port=$(primary_port || true)
[ -n "$port" ] || die "找不到集群主库：集群是否在运行？（No primary found: is the cluster running? npm run cluster -- start）"
archiving=$(as_pg psql -h 127.0.0.1 -p "$port" -d postgres -qAt -c "show archive_mode" 2>/dev/null || true)
[ "$archiving" = on ] ||
  die "主库未开启 WAL 归档：基础备份无法用于时间点恢复；请重启集群（The primary does not archive WAL: restart the cluster with npm run cluster）"

mkdir -p "$BASE_DIR"
chown postgres:postgres "$BASE_DIR"
chmod 0700 "$BASE_DIR"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
dest="$BASE_DIR/$stamp"
[ -e "$dest" ] && die "基础备份已存在（A base backup of this second exists）: $dest"
started=$(date +%s)
as_pg pg_basebackup -h 127.0.0.1 -p "$port" -U postgres -D "$dest" --wal-method=stream --checkpoint=fast \
  --label "djzl base $stamp" ||
  { rm -rf "$dest"; die "基础备份失败（pg_basebackup failed）: $dest 已删除（removed）"; }
finished=$(date -u '+%Y-%m-%d %H:%M:%S.%6N+00')
as_pg pg_verifybackup --quiet "$dest" ||
  { rm -rf "$dest"; die "基础备份校验失败（pg_verifybackup failed）: $dest 已删除（removed）"; }
start_wal=$(sed -n 's/^START WAL LOCATION: .*(file \([0-9A-F]\{24\}\))$/\1/p' "$dest/backup_label")
printf 'finished=%s\nstart_wal=%s\nprimary_port=%s\n' "$finished" "$start_wal" "$port" >"$dest.info"
echo "已完成基础备份（Base backup done）: $dest（$(du -sh "$dest" | cut -f1)，$(($(date +%s) - started)) s，完成于 finished at $finished）"

if [ -n "$keep" ]; then
  mapfile -t complete < <(for f in "$BASE_DIR"/*.info; do basename "$f" .info; done | sort)
  old=$((${#complete[@]} - keep))
  for ((i = 0; i < old; i++)); do
    rm -rf "${BASE_DIR:?}/${complete[$i]}" "${BASE_DIR:?}/${complete[$i]}.info"
    echo "已删除旧基础备份（Removed old base backup）: ${complete[$i]}"
  done
  oldest="${complete[$((old > 0 ? old : 0))]}"
  first_wal=$(sed -n 's/^start_wal=//p' "$BASE_DIR/$oldest.info")
  if [ -n "$first_wal" ]; then
    as_pg pg_archivecleanup "$ARCHIVE_DIR" "$first_wal"
    for f in "$ARCHIVE_DIR"/*.backup; do # the older backups' history files (not removed above)
      name=$(basename "$f")
      if [[ -f $f && ${name:8:16} < ${first_wal:8:16} ]]; then rm -f "$f"; fi
    done
    echo "已清理 $first_wal 之前的归档 WAL（Removed archived WAL older than $first_wal, the oldest kept backup's first segment）"
  fi
fi
