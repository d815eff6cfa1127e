#!/usr/bin/env bash
# Builds Mallard, starts the reference PostgreSQL (scripts/pg-reference.sh) and runs the streaming
# benchmark (dev.mallard.bench.StreamingBenchmark); see bench/README.md. Arguments go to the
# benchmark (try --help), e.g. bench/run-streaming.sh --rows 1000000.
#
# Environment: BENCH_JAVA_OPTS adds JVM options (e.g. -Xmx8g, or a JFR recording:
# -XX:StartFlightRecording=filename=/tmp/bench.jfr,settings=profile); BENCH_SKIP_BUILD=1 reuses
# the last build; PGREF_DIR / PGREF_PORT as for scripts/pg-reference.sh. A reference server this
# script had to start is stopped again at the end; one that was already running is left running.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"

# Debian's Maven 3.8 writes bare colour resets even with -q; drop them and the empty lines.
mvn_quiet() {
  mvn -q -B -ntp "$@" 2>&1 | { sed 's/\x1b\[[0-9;]*m//g' | grep -v '^[[:space:]]*$' || true; }
}

if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  echo "run-streaming: building (mvn install -DskipTests) ..." >&2
  mvn_quiet -DskipTests install
fi
classpath_file="$root/bench/target/classpath.txt"
mvn_quiet -pl bench \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime

if [[ " $* " != *" --no-postgres "* && " $* " != *" --help "* ]]; then
  if ! scripts/pg-reference.sh status; then
    scripts/pg-reference.sh start
    trap 'scripts/pg-reference.sh stop' EXIT
  fi
  # PGREF_HOST=... PGREF_PORT=... PGREF_USER=... PGREF_PASSWORD=... for the benchmark's defaults
  # shellcheck disable=SC2046  # the words are NAME=value pairs
  export $(scripts/pg-reference.sh env)
fi

# Server log lines would interleave with the report; warnings and errors still show.
export MALLARD_LOG_LEVEL="${MALLARD_LOG_LEVEL:-WARN}"
# shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of options
java --add-opens=java.base/java.nio=ALL-UNNAMED ${BENCH_JAVA_OPTS:-} \
  -cp "$root/bench/target/classes:$(cat "$classpath_file")" \
  dev.mallard.bench.StreamingBenchmark "$@"
