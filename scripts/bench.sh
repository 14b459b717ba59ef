#!/usr/bin/env bash
# Benchmarks Trustyard against the real peers on this machine, in one run, on loopback only, and
# writes target/bench/report.md and one PNG chart per group. Measures; never asserts.
# Quick (smoke) run: BENCH_QUICK=1 ./scripts/bench.sh; one group only: BENCH_GROUPS=registry-blobs.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
trustyard_find_jdk
for peer in docker-registry wrk skopeo; do
  command -v "$peer" >/dev/null 2>&1 || { echo "bench: $peer is missing (scripts/peers.sh installs the peers; wrk: apt-get install wrk)" >&2; exit 1; }
done
echo "bench: JDK at $JAVA_HOME; building" >&2
# The CLI jar too: Trustyard's servers run from it as their own processes, as deployed.
./mvnw -B -q -ntp -DskipTests -pl benchmark,cli -am package >&2
export BENCH_OUT=${BENCH_OUT:-$PWD/target/bench}
pid=
stop() {
  # The JVM's shutdown hook stops the peers it started; this stops the JVM itself.
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}
trap stop EXIT INT TERM
"$JAVA_HOME/bin/java" -Xmx1g -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED -cp "benchmark/target/classes:benchmark/target/lib/*" \
  io.trustyard.benchmark.BenchMain &
pid=$!
wait "$pid"
