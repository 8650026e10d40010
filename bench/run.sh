#!/usr/bin/env bash
# Builds the driver and the benchmark (no tests), then runs StageScanBench with the given arguments, e.g.
#   bench/run.sh --rows 500000 --iterations 6
# JAVA_OPTS overrides the JVM options (default -Xmx4g).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -pl bench -am package -DskipTests >&2   # build output on stderr: stdout is the report
exec java ${JAVA_OPTS:--Xmx4g} -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
    dev.stowage.bench.StageScanBench "$@"
