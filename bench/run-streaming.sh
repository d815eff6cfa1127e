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

stop_reference=
private_cp=
cleanup() {
  if [[ -n "$private_cp" ]]; then rm -rf "$private_cp"; fi
  if [[ -n "$stop_reference" ]]; then scripts/pg-reference.sh stop; fi
}
trap cleanup EXIT

if [[ " $* " != *" --no-postgres "* && " $* " != *" --help "* ]]; then
  if ! scripts/pg-reference.sh status; then
    scripts/pg-reference.sh start
    stop_reference=1
  fi
  # PGREF_HOST=... PGREF_PORT=... PGREF_USER=... PGREF_PASSWORD=... for the benchmark's defaults
  # shellcheck disable=SC2046  # the words are NAME=value pairs
  export $(scripts/pg-reference.sh env)
fi

# Run from a private copy of the classes and jars: a rebuild during a long run (mvn install from
# another shell) must not pull classes out from under the benchmark's JVM.
private_cp="$(mktemp -d)"
cp -r "$root/bench/target/classes" "$private_cp/classes"
cp "$root/server/target/mallard.jar" "$private_cp/mallard.jar"
cp_entries="$private_cp/classes"
i=0
IFS=: read -r -a jars <"$classpath_file" || true  # no trailing newline
for jar in "${jars[@]}"; do
  i=$((i + 1))
  cp "$jar" "$private_cp/$i-$(basename "$jar")"
  cp_entries="$cp_entries:$private_cp/$i-$(basename "$jar")"
done

# Mallard runs as its own process from the runnable jar, unless asked to run in the benchmark's JVM.
server_args=(--mallard-jar "$private_cp/mallard.jar")
if [[ " $* " == *" --mallard-in-jvm "* || " $* " == *" --mallard-jar "* ]]; then server_args=(); fi

# Server log lines would interleave with the report; warnings and errors still show.
export MALLARD_LOG_LEVEL="${MALLARD_LOG_LEVEL:-WARN}"
# shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of options
java --add-opens=java.base/java.nio=ALL-UNNAMED ${BENCH_JAVA_OPTS:-} \
  -cp "$cp_entries" dev.mallard.bench.StreamingBenchmark "${server_args[@]}" "$@"
