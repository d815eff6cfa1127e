#!/usr/bin/env bash
# node-postgres client tests: installs package-lock.json's exact packages (npm ci, again only when
# the lock file changes), then runs node's built-in test runner. Needs MALLARD_* from ../run.sh.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ "$(cat node_modules/.lock.sha256 2>/dev/null)" != "$want" ]]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >node_modules/.lock.sha256
fi
# pg parses date/timestamp into Dates in the process's time zone
TZ=UTC exec node --test --test-reporter=spec
