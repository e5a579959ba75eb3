#!/usr/bin/env bash
# Campaign throughput of the invs command line, in system calls checked per second: the reference
# implementation in process, served by `invs serve` over the out-of-process protocol (one request at a
# time, and pipelined), and in process in batches aimed by a forecast as a pipelined server is driven (what the
# batches cost without the protocol), in turn for several rounds; prints the median rates and the protocol/in-process ratio,
# and the share of the machine's processor time the host took meanwhile (steal, /proc/stat; Linux).
#   scripts/bench-fuzz.sh [SECONDS [WARMUP_SECONDS [THREADS [ROUNDS [PROPERTIES]]]]]   (defaults: 5 120 1 3 all)
# PROPERTIES as `invs fuzz --properties` takes them: `isolation` alone runs isolation scenarios only.
# Uses JAVA_HOME when it names a JDK 21+ (./build bench sets it), else finds one like ./build does; gives Java
# the options ./invs gives it (scripts/find-jdk.sh, then INVS_JAVA_OPTS), and prints them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
invs_find_jdk || exit 2
export JAVA_HOME="$INVS_JAVA_HOME"
echo "bench-fuzz: building fuzz/target/invs.jar and the test classes..." >&2
"$root/build" package -pl fuzz -am >&2
# Java as ./invs runs it: this JVM with what `./invs fuzz` gives Java, its servers with what `./invs serve` gives.
client_options="$(invs_java_options fuzz)"
server_options="$(invs_java_options serve)"
# shellcheck disable=SC2086 # the options are words
exec "$JAVA_HOME/bin/java" $client_options -Dinvs.serve-options="$server_options" \
  -cp "$root/fuzz/target/invs.jar:$root/fuzz/target/test-classes" invs.fuzz.bench.CampaignBenchmark "$@"
