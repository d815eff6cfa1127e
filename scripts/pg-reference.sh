#!/usr/bin/env bash
# A throwaway reference PostgreSQL for differential tests and benchmarks, from Debian's packages.
#
#   scripts/pg-reference.sh start   install the server if missing, initdb once, start, wait until ready
#   scripts/pg-reference.sh stop    stop it (fast shutdown); nothing running is not an error
#   scripts/pg-reference.sh status  exit 0 when running, 3 when not
#   scripts/pg-reference.sh env     print PGREF_HOST=... PGREF_PORT=... PGREF_USER=... PGREF_PASSWORD=...
#
# Environment: PGREF_DIR (default /tmp/mallard-pgref) holds the cluster (data/), its log and its
# Unix socket; PGREF_PORT (default 55432) is the TCP port on 127.0.0.1. The role postgres has the
# password postgres (SCRAM-SHA-256); nothing listens beyond loopback. Durability is off (fsync,
# full_page_writes, synchronous_commit): the cluster is for tests, never for data worth keeping.
#
# initdb refuses to run as root, so as root the cluster belongs to the OS user postgres (created by
# the Debian package) or, failing that, to a system user mallardpg created here. Start and stop
# are idempotent and serialized by a lock, so concurrent test runs may both call start.
set -euo pipefail

PGREF_DIR="${PGREF_DIR:-/tmp/mallard-pgref}"
PGREF_PORT="${PGREF_PORT:-55432}"
PGREF_HOST=127.0.0.1
PGREF_USER=postgres
PGREF_PASSWORD=postgres

data="$PGREF_DIR/data"
log="$PGREF_DIR/postgresql.log"

die() {
  echo "pg-reference: $*" >&2
  exit 1
}

usage() {
  echo "usage: $0 start|stop|status|env" >&2
  exit 2
}

# The newest /usr/lib/postgresql/<version>/bin that has a server, or nothing.
find_bindir() {
  local dir best="" best_version=0 version
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/postgres" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]] || continue
    version="$(basename "$(dirname "$dir")")"
    [[ "$version" =~ ^[0-9]+$ ]] || continue
    if ((version > best_version)); then
      best="$dir"
      best_version="$version"
    fi
  done
  [[ -n "$best" ]] && echo "$best"
}

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

install_server() {
  echo "pg-reference: installing the postgresql package" >&2
  local out
  out="$(mktemp)"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$out" 2>&1 ||
    ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >>"$out" 2>&1; then
    cat "$out" >&2
    rm -f "$out"
    die "could not install postgresql"
  fi
  rm -f "$out"
}

# The OS user that owns and runs the cluster.
cluster_owner() {
  if [[ "$(id -u)" -ne 0 ]]; then
    id -un
  elif [[ -f "$data/PG_VERSION" ]]; then
    stat -c %U "$data"
  elif id postgres >/dev/null 2>&1; then
    echo postgres
  else
    if ! id mallardpg >/dev/null 2>&1; then
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
        mallardpg >/dev/null
    fi
    echo mallardpg
  fi
}

# Runs a command as the cluster owner.
as_owner() {
  if [[ "$(id -un)" == "$owner" ]]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$owner" -- "$@"
  else
    su -s /bin/sh "$owner" -c "$(printf '%q ' "$@")"
  fi
}

pg_ctl_() {
  as_owner "$bindir/pg_ctl" -D "$data" "$@"
}

# pg_ctl status alone is fooled by a killed postmaster that nobody has reaped yet (a zombie keeps
# its pid), which happens in containers whose init does not reap orphans.
is_running() {
  [[ -f "$data/PG_VERSION" && -f "$data/postmaster.pid" ]] || return 1
  local pid state
  pid="$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  state="$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null || true)"
  [[ -n "$state" && "$state" != Z && "$state" != X ]] || return 1
  pg_ctl_ status >/dev/null 2>&1
}

prepare_dir() {
  mkdir -p "$PGREF_DIR"
  # The owner needs to reach PGREF_DIR even when PGREF_DIR was first made by someone else.
  if [[ "$(id -u)" -eq 0 ]]; then
    chown "$owner" "$PGREF_DIR"
  fi
  chmod 0700 "$PGREF_DIR"
}

init_cluster() {
  local version
  version="$(basename "$(dirname "$bindir")")"
  if [[ -f "$data/PG_VERSION" ]]; then
    if [[ "$(cat "$data/PG_VERSION")" == "$version" ]]; then
      return 0
    fi
    echo "pg-reference: re-creating the cluster for PostgreSQL $version" >&2
  fi
  # A cluster of another version or a half-finished initdb: it only ever held test data.
  rm -rf "$data"
  local pwfile
  pwfile="$PGREF_DIR/pwfile"
  printf '%s\n' "$PGREF_PASSWORD" >"$pwfile"
  [[ "$(id -u)" -eq 0 ]] && chown "$owner" "$pwfile"
  chmod 0600 "$pwfile"
  if ! as_owner "$bindir/initdb" -D "$data" -U "$PGREF_USER" --pwfile="$pwfile" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale=C \
    --no-sync >"$PGREF_DIR/initdb.log" 2>&1; then
    cat "$PGREF_DIR/initdb.log" >&2
    rm -f "$pwfile"
    die "initdb failed"
  fi
  rm -f "$pwfile"
  # Only loopback, only password (SCRAM) logins, whatever initdb's defaults become.
  as_owner sh -c "cat >'$data/pg_hba.conf'" <<'EOF'
# written by scripts/pg-reference.sh
local all all               scram-sha-256
host  all all 127.0.0.1/32  scram-sha-256
EOF
  as_owner sh -c "printf '%s\n' \"include_if_exists = 'mallard.conf'\" >>'$data/postgresql.conf'"
}

# Settings that follow the environment of each start (the port may change between runs).
write_settings() {
  as_owner sh -c "cat >'$data/mallard.conf'" <<EOF
# written by scripts/pg-reference.sh on every start
listen_addresses = '$PGREF_HOST'
port = $PGREF_PORT
unix_socket_directories = '$PGREF_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 256MB
max_wal_size = 1GB
wal_level = minimal
max_wal_senders = 0
logging_collector = off
log_min_messages = warning
EOF
}

start() {
  if is_running; then
    return 0
  fi
  init_cluster
  write_settings
  # Lock files left by a killed server name its pid, which may still exist as a zombie; PostgreSQL
  # would then refuse to start. Nothing of ours is running (checked above), so they are stale.
  rm -f "$data/postmaster.pid" "$PGREF_DIR"/.s.PGSQL.*.lock
  # 9>&-: the postmaster must not inherit (and so hold forever) the lock taken below.
  if ! pg_ctl_ start -w -t 60 -l "$log" >/dev/null 2>&1 9>&-; then
    tail -n 20 "$log" >&2 2>/dev/null || true
    die "PostgreSQL did not start (log: $log)"
  fi
  for _ in $(seq 1 60); do
    if "$bindir/pg_isready" -q -h "$PGREF_HOST" -p "$PGREF_PORT" 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  die "PostgreSQL started but does not accept connections on $PGREF_HOST:$PGREF_PORT (log: $log)"
}

stop() {
  if ! is_running; then
    return 0
  fi
  pg_ctl_ stop -m fast -w -t 60 >/dev/null 2>&1 || die "PostgreSQL did not stop (log: $log)"
}

[[ $# -eq 1 ]] || usage
command="$1"

if [[ "$command" == env ]]; then
  echo "PGREF_HOST=$PGREF_HOST PGREF_PORT=$PGREF_PORT PGREF_USER=$PGREF_USER PGREF_PASSWORD=$PGREF_PASSWORD"
  exit 0
fi

case "$command" in
  start | stop | status) ;;
  *) usage ;;
esac

bindir="$(find_bindir || true)"
if [[ -z "$bindir" ]]; then
  if [[ "$command" != start ]]; then
    [[ "$command" == status ]] && exit 3
    exit 0
  fi
  install_server
  bindir="$(find_bindir || true)"
  [[ -n "$bindir" ]] || die "no server binaries in /usr/lib/postgresql/*/bin after installing"
fi

if [[ "$command" != start && ! -f "$data/PG_VERSION" ]]; then
  [[ "$command" == status ]] && exit 3
  exit 0
fi

owner="$(cluster_owner)"
prepare_dir

# One start or stop at a time per cluster directory.
exec 9>"$PGREF_DIR/.lock"
flock 9

case "$command" in
  start) start ;;
  stop) stop ;;
  status) is_running || exit 3 ;;
esac
