#!/usr/bin/env bash
# Where a campaign over the out-of-process protocol spends processor time: runs `invs fuzz` against
# `invs serve` (or the server command given) and prints, per thread of invs and of its servers, the user and
# system processor time spent between two moments of the campaign (read from /proc, Linux only), and the
# campaign's rate.
#   scripts/cpu-per-thread.sh [FROM_SECONDS [TO_SECONDS [SERVER_COMMAND [FUZZ_OPTIONS...]]]]
# Defaults: from the 40th to the 70th second (after the JVMs' warm-up), `invs serve` from fuzz/target/invs.jar
# (invs and the server given the Java options ./invs gives them, scripts/find-jdk.sh, then INVS_JAVA_OPTS),
# options `--boards standard --threads 1 --seed 7`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/find-jdk.sh
. "$root/scripts/find-jdk.sh"
invs_find_jdk || exit 2
from=${1:-40}
to=${2:-70}
if ! [[ "$from" =~ ^[0-9]+$ && "$to" =~ ^[0-9]+$ ]] || [ "$from" -ge "$to" ]; then
  echo "cpu-per-thread: FROM_SECONDS and TO_SECONDS are whole seconds, FROM before TO (got '$from' '$to')" >&2
  exit 2
fi
[ -d /proc/self/task ] || { echo "cpu-per-thread: needs Linux's /proc" >&2; exit 2; }
java="$INVS_JAVA_HOME/bin/java"
jar="$root/fuzz/target/invs.jar"
echo "cpu-per-thread: building fuzz/target/invs.jar..." >&2
"$root/build" package -pl fuzz -am >&2
server=${3:-"'$java' $(invs_java_options serve) -jar '$jar' serve"}
shift $(( $# < 3 ? $# : 3 ))
options=("$@")
[ ${#options[@]} -gt 0 ] || options=(--boards standard --threads 1 --seed 7)
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${campaign:-}" ] && kill "$campaign" 2>/dev/null || true' EXIT
# shellcheck disable=SC2046 # the options are words
"$java" $(invs_java_options fuzz) -jar "$jar" fuzz --sut-command "$server" --time "$((to + 15))s" --out "$work/findings" "${options[@]}" \
  >"$work/campaign.txt" 2>&1 &
campaign=$!
hz=$(getconf CLK_TCK)

# One line per thread of the campaign and its descendants: ROLE/THREAD/TID USER_MS SYSTEM_MS SWITCHES
# (SWITCHES: the thread's context switches, voluntary ones, a wait that blocked, and involuntary ones).
snapshot() {
  local pids pid role task stat fields name key value switches
  pids="$campaign"
  for pid in $(pgrep -P "$campaign" || true); do pids="$pids $pid $(pgrep -P "$pid" || true)"; done
  # shell builtins only: a process per thread would make the snapshot take seconds on a busy machine
  for pid in $pids; do
    [ -d "/proc/$pid/task" ] || continue
    if [ "$pid" = "$campaign" ]; then role=invs; else role=server; fi
    for task in /proc/"$pid"/task/*; do
      read -r stat <"$task/stat" 2>/dev/null || continue
      read -r -a fields <<<"${stat##*) }"
      # the thread's name, between the parentheses of its stat line (its comm file may no longer be readable)
      name=${stat#*(}
      name=${name%)*}
      name=${name// /_}
      [[ "$name" =~ ^invs-server-[0-9]+(.*)$ ]] && name="invs-server-PID${BASH_REMATCH[1]}"
      switches=0
      while read -r key value _; do
        [[ "$key" == *ctxt_switches: ]] && switches=$((switches + value))
      done <"$task/status" 2>/dev/null || true
      echo "$role/$name/${task##*/} $((fields[11] * 1000 / hz)) $((fields[12] * 1000 / hz)) $switches"
    done
  done | sort
}

sleep "$from"; snapshot >"$work/from"
sleep "$((to - from))"; snapshot >"$work/to"
echo "processor time (ms) and context switches from second $from to second $to of the campaign, by process and thread name:"
join -a2 -e0 -o 0,1.2,1.3,1.4,2.2,2.3,2.4 "$work/from" "$work/to" | awk '
  { split($1, key, "/"); name = key[1] "/" key[2]; user[name] += $5 - $2; sys[name] += $6 - $3
    switches[name] += $7 - $4; alluser += $5 - $2; allsys += $6 - $3; allswitches += $7 - $4 }
  END { for (name in user) if (user[name] + sys[name] >= 100)
          printf "%8d user %8d system %10d switches  %s\n", user[name], sys[name], switches[name], name
        printf "%8d user %8d system %10d switches  all threads\n", alluser, allsys, allswitches }' | sort -k1,1nr
wait "$campaign" || true
campaign=
grep -o '[0-9,]* system calls checked, [0-9,]* system calls/s' "$work/campaign.txt" \
  || { echo "cpu-per-thread: the campaign did not finish; its last lines:" >&2; tail -5 "$work/campaign.txt" >&2; exit 1; }
