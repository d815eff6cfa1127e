#!/usr/bin/env bash
# dbt-postgres client tests: sets up .venv here from requirements.txt (again only when that file
# changes), then runs test_dbt.py, which drives dbt over the project in this directory. Needs
# MALLARD_* from ../run.sh. PYTHON picks the interpreter (default python3).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
want="$(sha256sum requirements.txt | cut -d' ' -f1)"
if ! .venv/bin/python -c 'import sys' >/dev/null 2>&1; then
  rm -rf .venv
  "${PYTHON:-python3}" -m venv .venv
fi
if [[ "$(cat .venv/.requirements.sha256 2>/dev/null)" != "$want" ]]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
  echo "$want" >.venv/.requirements.sha256
fi
exec .venv/bin/python -m pytest -q -p no:cacheprovider
