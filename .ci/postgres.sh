#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the store tests and print how to reach it.
#
#   eval "$(bash .ci/postgres.sh)"        # installs Debian's postgresql if needed, starts it,
#                                          # exports PARLEY_TEST_POSTGRES_URL
#   bash .ci/postgres.sh stop              # stops the server and removes its data folder
#
# The server listens on 127.0.0.1 only, on a free port, with "trust" authentication: it holds
# nothing but test databases and lives for one CI run. It runs as the postgres user when this
# script runs as root (initdb refuses root), else as the calling user. Only the export line goes
# to stdout; progress goes to stderr. Running it again while the server is up prints the same URL.
set -euo pipefail

# Where the cluster lives; one per machine is enough (tests create a database each).
PGROOT="${PARLEY_PG_DIR:-/tmp/parley-postgres}"
DATA="$PGROOT/data"
SOCKETS="$PGROOT/sockets"
DBNAME="${PARLEY_PG_DB:-parley_test}"
# Seconds to wait for the server to accept connections; a cold start on a busy runner takes ~3 s.
START_TIMEOUT=60

log() { echo "postgres.sh: $*" >&2; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

find_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
    echo "$dir"
  fi
}

url_for() {
  echo "postgresql+psycopg://$(as_owner id -un)@127.0.0.1:$1/$DBNAME"
}

if [ "${1:-start}" = stop ]; then
  BIN=$(find_bindir)
  if [ -n "$BIN" ] && [ -f "$DATA/postmaster.pid" ]; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
  fi
  rm -rf "$PGROOT"
  log "stopped"
  exit 0
fi

BIN=$(find_bindir)
if [ -z "$BIN" ]; then
  if [ "$(id -u)" != 0 ]; then
    log "PostgreSQL is not installed and this is not root; install Debian's postgresql package first"
    exit 1
  fi
  log "installing Debian's postgresql packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  BIN=$(find_bindir)
fi
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  log "no postgres user (the Debian package creates it); reinstall postgresql-common"
  exit 1
fi

# Already running from an earlier call: reuse it.
if [ -f "$PGROOT/port" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  PORT=$(cat "$PGROOT/port")
  log "already running on 127.0.0.1:$PORT"
  echo "export PARLEY_TEST_POSTGRES_URL=$(url_for "$PORT")"
  exit 0
fi

rm -rf "$PGROOT"
mkdir -p "$DATA" "$SOCKETS"
if [ "$(id -u)" = 0 ]; then
  chown -R postgres:postgres "$PGROOT"
fi
log "initdb in $DATA"
as_owner "$BIN/initdb" -D "$DATA" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null

# A free port: bind to port 0 and let the kernel choose (released again before postgres binds it).
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "$PORT" >"$PGROOT/port"
log "starting on 127.0.0.1:$PORT"
# fsync off: test data is thrown away, and durability costs seconds per test on slow disks.
as_owner "$BIN/pg_ctl" -D "$DATA" -l "$PGROOT/server.log" -w -t "$START_TIMEOUT" \
  -o "-p $PORT -k $SOCKETS -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >&2
as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" "$DBNAME"
log "database $DBNAME ready"
echo "export PARLEY_TEST_POSTGRES_URL=$(url_for "$PORT")"
