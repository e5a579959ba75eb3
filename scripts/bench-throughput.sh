#!/usr/bin/env bash
# The processor cost of a campaign: system calls checked per processor-second (user + system time of the
# whole `invs fuzz` process, start-up included) of a campaign with a fixed seed and number of tries on one
# thread, so that the figure depends on the work done, not on the load of a shared machine. With OTHER_JAR
# (for example fuzz/target/invs.jar built from an older commit) the two run in turn, round after round, on
# the same seed, tries and boards (the doc reading's standard boards; swarms off where the jar has them,
# since they change the mix of inputs), and the medians of both are printed. MODE `default` runs the
# campaign `invs fuzz` runs by default instead (standard and generated boards, swarms): for comparing
# builds that both have them.
#   scripts/bench-throughput.sh [OTHER_JAR|- [ROUNDS [TRIES [MODE]]]]      (defaults: none, 5, 2000, standard)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
invs_find_jdk || exit 2
java="$INVS_JAVA_HOME/bin/java"
other=${1:-}
[ "$other" = "-" ] && other=""
rounds=${2:-5}
tries=${3:-2000}
mode=${4:-standard}
case "$mode" in
  standard|default) ;;
  *) echo "bench-throughput: MODE is standard or default, not '$mode'" >&2; exit 2 ;;
esac
if [ -n "$other" ] && [ ! -f "$other" ]; then
  echo "bench-throughput: no such jar: $other" >&2
  exit 2
fi
echo "bench-throughput: building fuzz/target/invs.jar..." >&2
JAVA_HOME="$INVS_JAVA_HOME" "$root/build" package -pl fuzz -am >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/fuzz/target/invs.jar" "$work/this.jar"
jars=("$work/this.jar")
[ -n "$other" ] && jars+=("$other")

# One campaign of JAR: prints "CALLS CPU_SECONDS".
campaign() {
  local jar=$1 options=(--tries "$tries" --time 1h --threads 1 --seed 0x50004 --out "$work/out")
  if [ "$mode" = standard ]; then
    options+=(--profile doc)
    if "$java" -jar "$jar" fuzz --help 2>/dev/null | grep -q -- '--boards'; then
      options+=(--boards standard --swarm off)
    fi
  fi
  if "$java" -jar "$jar" fuzz --help 2>/dev/null | grep -q -- '--progress'; then
    options+=(--progress none)
  fi
  local TIMEFORMAT='%U %S'
  local cpu
  cpu=$( { time "$java" -jar "$jar" fuzz "${options[@]}" >"$work/report.txt" 2>&1 ; } 2>&1 ) || true
  local calls
  calls=$(grep -oE '[0-9,]+ system calls checked' "$work/report.txt" | head -1 | tr -d , | cut -d' ' -f1)
  if [ -z "$calls" ]; then
    echo "bench-throughput: the campaign of $jar printed no count:" >&2
    tail -5 "$work/report.txt" >&2
    exit 1
  fi
  local frontier
  frontier=$(grep -oE 'widest frontier .*' "$work/report.txt" | head -1)
  echo "$calls $(echo "$cpu" | awk '{print $1 + $2}') $frontier"
}

declare -A rates
for round in $(seq 1 "$rounds"); do
  for jar in "${jars[@]}"; do
    read -r calls cpu frontier < <(campaign "$jar")
    rate=$(awk -v c="$calls" -v t="$cpu" 'BEGIN { printf "%.0f", c / t }')
    name=$([ "$jar" = "$work/this.jar" ] && echo "this build" || echo "$other")
    printf 'round %d  %-40s %9d system calls  %7.2f processor-s  %7d per processor-second  (%s)\n' "$round" "$name" \
      "$calls" "$cpu" "$rate" "$frontier"
    rates[$jar]="${rates[$jar]:-} $rate"
  done
done
for jar in "${jars[@]}"; do
  name=$([ "$jar" = "$work/this.jar" ] && echo "this build" || echo "$other")
  median=$(echo "${rates[$jar]}" | tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  echo "median $name: $median system calls per processor-second ($rounds runs of $tries tries)"
done
