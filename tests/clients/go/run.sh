#!/usr/bin/env bash
# Go pgx v5 client tests: fetches go.sum's exact modules into Go's module cache (a no-op when they
# are there), then runs go test. Needs MALLARD_* from ../run.sh.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
# the Go toolchain's usual home, which a non-login shell may not have on its PATH
command -v go >/dev/null 2>&1 || PATH="/usr/local/go/bin:$PATH"
go mod download
# -count=1: the server is new each run, so cached results would prove nothing
exec go test -count=1 -v ./...
