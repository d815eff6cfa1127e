#!/usr/bin/env bash
# Runs the Python real-client suite (psycopg 3, psycopg2, SQLAlchemy, pandas, asyncpg, psqlODBC
# through pyodbc) against a real Mallard server. Installs Debian's unixODBC and psqlODBC when
# missing, sets up tests/python/.venv from tests/python/requirements.txt (reused while that file
# is unchanged), builds server/target/mallard.jar when it is missing or stale (through bin/mallard),
# then runs pytest; tests/python/conftest.py starts and stops the server itself, on a free port
# with a temporary data directory. Arguments go to pytest, e.g. tests/run-python.sh -k cancel.
# Exits with pytest's exit code. PYTHON picks the interpreter (default python3, 3.10 or newer).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
suite="$root/tests/python"
venv="$suite/.venv"
python="${PYTHON:-python3}"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$suite/requirements.txt" | cut -d' ' -f1)"

# psqlODBC registers itself as "PostgreSQL Unicode" in /etc/odbcinst.ini
if ! grep -qs '^\[PostgreSQL Unicode\]' /etc/odbcinst.ini; then
  echo "run-python: installing unixodbc and odbc-postgresql" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq unixodbc odbc-postgresql >/dev/null
fi

if ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
  echo "run-python: creating $venv" >&2
  rm -rf "$venv"
  "$python" -m venv "$venv"
fi
if [[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  echo "run-python: installing tests/python/requirements.txt" >&2
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$suite/requirements.txt"
  echo "$want" >"$stamp"
fi

# bin/mallard rebuilds the jar first when it is missing or older than the sources.
"$root/bin/mallard" --version >/dev/null

cd "$suite"
set +e
"$venv/bin/python" -m pytest -q "$@"
status=$?
set -e
exit "$status"
