#!/usr/bin/env bash
# Backpressure benchmark: a throttled client reads a 100-million-row COPY (SELECT ...) TO STDOUT
# from a Mallard server process while the server's resident memory is sampled; see
# bench/README.md. Arguments go to the benchmark: --rows N, --bytes-per-second N.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  mvn -q -B -ntp -DskipTests install 2>&1 | { sed 's/\x1b\[[0-9;]*m//g' | grep -v '^[[:space:]]*$' || true; }
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Private copies, so a rebuild during the run cannot change the code under the benchmark.
cp server/target/mallard.jar "$work/mallard.jar"
cp -r bench/target/classes "$work/classes"
mvn -q -B -ntp -pl bench org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=runtime >/dev/null 2>&1
pgjdbc="$(tr ':' '\n' <"$work/cp.txt" | grep '/postgresql-[0-9]')"
cp "$pgjdbc" "$work/pgjdbc.jar"
java -cp "$work/classes:$work/pgjdbc.jar" dev.mallard.bench.SlowReaderBenchmark "$work/mallard.jar" "$@"
