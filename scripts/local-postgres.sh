#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster in a temporary folder on a free port, and prints the
# line to export its URL. `stop DIR` stops it and removes the folder. Needs PostgreSQL's
# server binaries (PG_BIN, default /usr/lib/postgresql/15/bin). As root, it runs them as the
# `postgres` user, because PostgreSQL refuses to run as root.
#   eval "$(bash scripts/local-postgres.sh start)"   # sets PG_URL and PG_DIR
#   bash scripts/local-postgres.sh stop "$PG_DIR"
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/roundtable-pg.XXXXXX)
    port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c shared_buffers=256MB" start >/dev/null
    echo "export PG_DIR=$dir PG_URL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir=${2:?the folder printed by start}
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
