# A throwaway PostgreSQL for the tests: sourced by test.sh (and usable by hand).
#
#   source Tests/Support/postgres.sh
#   start_postgres          # exports PARLEY_TEST_POSTGRES_URL, or returns 1
#   ...
#   stop_postgres           # stops the server and removes its folder
#   pause_postgres / resume_postgres   # stop and start it again on the same port (outage tests)
#
# The cluster is made by Debian's `initdb` in a temporary folder owned by the `postgres` user
# (initdb refuses to run as root), listens on 127.0.0.1 on a free port and on a socket in that
# folder, trusts local connections (nothing but the tests can reach it) and is gone after
# stop_postgres. Start-up takes about a second.

postgres_bin() {
  local name=$1
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -1)
  [[ -n "$found" ]] && echo "$found"
}

# Runs a PostgreSQL program as the `postgres` user when we are root, as ourselves otherwise.
as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local initdb pg_ctl
  initdb=$(postgres_bin initdb) || true
  pg_ctl=$(postgres_bin pg_ctl) || true
  if [[ -z "$initdb" || -z "$pg_ctl" ]]; then
    echo "postgres.sh: initdb/pg_ctl not found (apt-get install postgresql)" >&2
    return 1
  fi
  PARLEY_TEST_POSTGRES_DIR=$(mktemp -d /tmp/parley-postgres.XXXXXX)
  if [[ $(id -u) -eq 0 ]]; then chown postgres "$PARLEY_TEST_POSTGRES_DIR"; fi
  chmod 700 "$PARLEY_TEST_POSTGRES_DIR"
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if ! as_postgres "$initdb" -D "$PARLEY_TEST_POSTGRES_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PARLEY_TEST_POSTGRES_DIR/initdb.log" 2>&1; then
    echo "postgres.sh: initdb failed:" >&2; cat "$PARLEY_TEST_POSTGRES_DIR/initdb.log" >&2
    return 1
  fi
  # A certificate of its own for TLS tests: self-signed, so verify-full must refuse it.
  if ! openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=parley-test-postgres" \
      -keyout "$PARLEY_TEST_POSTGRES_DIR/server.key" -out "$PARLEY_TEST_POSTGRES_DIR/server.crt" \
      >"$PARLEY_TEST_POSTGRES_DIR/openssl.log" 2>&1; then
    echo "postgres.sh: openssl could not make a certificate:" >&2; cat "$PARLEY_TEST_POSTGRES_DIR/openssl.log" >&2
    return 1
  fi
  chmod 600 "$PARLEY_TEST_POSTGRES_DIR/server.key"
  if [[ $(id -u) -eq 0 ]]; then chown postgres "$PARLEY_TEST_POSTGRES_DIR/server.key" "$PARLEY_TEST_POSTGRES_DIR/server.crt"; fi
  # fsync stays on: the tests kill instances, not the database, but a store test that proves
  # a committed write survives should not be proving it against a server that cheats.
  PARLEY_TEST_POSTGRES_PORT=$port
  resume_postgres || return 1
  export PARLEY_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
  export PARLEY_TEST_POSTGRES_DIR PARLEY_TEST_POSTGRES_PORT
  echo "postgres.sh: PostgreSQL on 127.0.0.1:$port ($PARLEY_TEST_POSTGRES_DIR)" >&2
}

# Stops (fast mode: open sessions are cut) and deletes the cluster; harmless when none runs.
stop_postgres() {
  [[ -n "${PARLEY_TEST_POSTGRES_DIR:-}" && -d "$PARLEY_TEST_POSTGRES_DIR" ]] || return 0
  local pg_ctl
  pg_ctl=$(postgres_bin pg_ctl) || true
  as_postgres "$pg_ctl" -D "$PARLEY_TEST_POSTGRES_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PARLEY_TEST_POSTGRES_DIR"
  unset PARLEY_TEST_POSTGRES_DIR PARLEY_TEST_POSTGRES_URL PARLEY_TEST_POSTGRES_PORT
}

# Starts the cluster of start_postgres (again) on its port.
resume_postgres() {
  local pg_ctl
  pg_ctl=$(postgres_bin pg_ctl) || true
  if ! as_postgres "$pg_ctl" -D "$PARLEY_TEST_POSTGRES_DIR/data" -l "$PARLEY_TEST_POSTGRES_DIR/server.log" -w -t 30 \
      -o "-p $PARLEY_TEST_POSTGRES_PORT -k $PARLEY_TEST_POSTGRES_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c ssl=on -c ssl_cert_file=$PARLEY_TEST_POSTGRES_DIR/server.crt -c ssl_key_file=$PARLEY_TEST_POSTGRES_DIR/server.key" start >/dev/null; then
    echo "postgres.sh: the server did not start:" >&2; cat "$PARLEY_TEST_POSTGRES_DIR/server.log" >&2
    return 1
  fi
}

# Stops the server (fast: sessions are cut, as in a crash or failover) and keeps its data.
pause_postgres() {
  local pg_ctl
  pg_ctl=$(postgres_bin pg_ctl) || true
  as_postgres "$pg_ctl" -D "$PARLEY_TEST_POSTGRES_DIR/data" -m fast -w stop >/dev/null
}
