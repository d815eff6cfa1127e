#!/usr/bin/env bash
# Rust tokio-postgres client tests: builds with Cargo.lock's exact crates (fetched into ~/.cargo
# once; the first build takes about a minute on 2 cores), then runs them. Needs MALLARD_* from
# ../run.sh.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
# rustup's cargo lives in ~/.cargo/bin, which a non-login shell may not have on its PATH
command -v cargo >/dev/null 2>&1 || PATH="$HOME/.cargo/bin:$PATH"
cargo build --locked --tests --quiet
# --nocapture: each known gap prints its reason
exec cargo test --locked --quiet --test client -- --nocapture --test-threads=2
