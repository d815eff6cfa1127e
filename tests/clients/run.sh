#!/usr/bin/env bash
# Runs the client matrix: each real PostgreSQL client under tests/clients/ (node-postgres, Go pgx,
# Rust tokio-postgres, dbt-postgres) against one real Mallard server. The Python clients
# (psycopg, SQLAlchemy, pandas, asyncpg, psqlODBC) run in tests/run-python.sh instead.
#
#   tests/clients/run.sh            # every client
#   tests/clients/run.sh node go    # some of them
#
# Starts server/target/mallard.jar (built through bin/mallard when stale) on a free port with a
# temporary data directory, or uses the server MALLARD_TEST_DSN names ("host=... port=...
# password=..."). Each tests/clients/NAME/run.sh installs what its client needs (idempotent,
# from committed lock files) and runs its tests with the connection in MALLARD_HOST, MALLARD_PORT,
# MALLARD_USER, MALLARD_PASSWORD, MALLARD_DATABASE. Exits non-zero when any client fails.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
here="$root/tests/clients"
all=(node go rust dbt)
clients=("$@")
[ ${#clients[@]} -gt 0 ] || clients=("${all[@]}")

tmp=""
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  [ -z "$tmp" ] || [ -n "${MALLARD_TEST_KEEP:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT

dsn_value() { # dsn_value KEY DEFAULT: one key=value of MALLARD_TEST_DSN
  local v
  v="$(tr ' ' '\n' <<<"$MALLARD_TEST_DSN" | sed -n "s/^$1=//p" | head -1)"
  echo "${v:-$2}"
}

if [ -n "${MALLARD_TEST_DSN:-}" ]; then
  MALLARD_HOST="$(dsn_value host 127.0.0.1)"
  MALLARD_PORT="$(dsn_value port 5432)"
  MALLARD_USER="$(dsn_value user postgres)"
  MALLARD_PASSWORD="$(dsn_value password '')"
  MALLARD_DATABASE="$(dsn_value dbname postgres)"
else
  "$root/bin/mallard" --version >/dev/null # builds the jar when stale
  tmp="$(mktemp -d /tmp/mallard-clients.XXXXXX)"
  # a private copy: a rebuild of server/target during the run must not pull classes away
  cp "$root/server/target/mallard.jar" "$tmp/mallard.jar"
  MALLARD_PASSWORD="mallard-clients-secret"
  (cd "$tmp" && env -u MALLARD_CONFIG MALLARD_PASSWORD="$MALLARD_PASSWORD" \
    java --add-opens=java.base/java.nio=ALL-UNNAMED ${MALLARD_JAVA_OPTS:-} -jar "$tmp/mallard.jar" \
    --host 127.0.0.1 --port 0 --data-dir "$tmp/data" --tls-mode prefer \
    >"$tmp/mallard.log" 2>&1 </dev/null) &
  server_pid=$!
  for _ in $(seq 1 1200); do
    ready="$(sed -n 's/.*Mallard ready on \([^ ]*\):\([0-9]*\).*/\1 \2/p' "$tmp/mallard.log" 2>/dev/null || true)"
    [ -z "$ready" ] || break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$ready" ]; then
    echo "clients: Mallard did not start:" >&2
    tail -40 "$tmp/mallard.log" >&2
    exit 2
  fi
  read -r MALLARD_HOST MALLARD_PORT <<<"$ready"
  MALLARD_USER=postgres
  MALLARD_DATABASE=postgres
fi
export MALLARD_HOST MALLARD_PORT MALLARD_USER MALLARD_PASSWORD MALLARD_DATABASE
echo "clients: Mallard on $MALLARD_HOST:$MALLARD_PORT" >&2

failed=()
summary=()
for c in "${clients[@]}"; do
  if [ ! -x "$here/$c/run.sh" ]; then
    echo "clients: unknown client '$c' (have: ${all[*]})" >&2
    exit 2
  fi
  echo "==== clients: $c" >&2
  start=$SECONDS
  if "$here/$c/run.sh"; then status=ok; else status=FAILED; failed+=("$c"); fi
  summary+=("$c: $status in $((SECONDS - start))s")
done

echo "==== clients: summary" >&2
printf '  %s\n' "${summary[@]}" >&2
# one line in the form CI reads, counting clients (each client's runner printed its own counts)
echo "clients: $((${#clients[@]} - ${#failed[@]})) passed, ${#failed[@]} failed"
if [ ${#failed[@]} -gt 0 ]; then
  [ -z "$tmp" ] || { echo "clients: server log tail:" >&2; tail -20 "$tmp/mallard.log" >&2; }
  exit 1
fi
