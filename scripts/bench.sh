#!/usr/bin/env bash
# The benchmarks (./build bench [SECONDS]): each prints its figures. Not part of CI.
# Needs JAVA_HOME set to a JDK 21+ (./build does that).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-10}
java="$JAVA_HOME/bin/java"
# Compile, and write each module's test class path with the dependency plugin (one reactor run, so
# sibling modules resolve to their target/classes).
"$root/mvnw" -B -ntp -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath() {
  local module=$1
  local cp="$module/target/classes:$module/target/test-classes:$(cat "$module/target/bench-classpath.txt")"
  for other in spec-model impl conformance fuzz; do
    cp="$cp:$other/target/classes"
  done
  echo "$cp"
}
run() {
  local module=$1 main=$2
  shift 2
  echo "== $main"
  "$java" -Xmx8g -cp "$(classpath "$module")" "$main" "$@"
  echo
}
run spec-model invs.spec.model.bench.ModelBenchmark "$seconds"
run spec-model invs.spec.model.bench.ExplorerBenchmark 60
run impl invs.impl.bench.ImplBenchmark
if [ -f conformance/src/test/java/invs/conformance/bench/LockstepBenchmark.java ]; then
  run conformance invs.conformance.bench.LockstepBenchmark
  run conformance invs.conformance.bench.LockstepBenchmark parts
fi
run conformance invs.conformance.bench.ShrinkBenchmark
run conformance invs.conformance.bench.ZooCausesBenchmark run 20
run conformance invs.conformance.explore.ExploreZooBenchmark 6
run fuzz invs.fuzz.bench.ReplayBenchmark
if [ -x scripts/bench-fuzz.sh ]; then
  echo "== fuzz (campaign throughput)"
  scripts/bench-fuzz.sh
fi
