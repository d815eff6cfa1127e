#!/usr/bin/env bash
# Go pgx v5 client tests: fetches go.sum's exact modules into Go's module cache (a no-op when they
# are there), then runs go test. Needs MALLARD_* from ../run.sh.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
go mod download
# -count=1: the server is new each run, so cached results would prove nothing
exec go test -count=1 -v ./...
