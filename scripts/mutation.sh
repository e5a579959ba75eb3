#!/usr/bin/env bash
# PIT mutation testing (./build mutation): mutates impl and the model's decision logic, each first with
# its own module's tests, then with the conformance suite (fixed seed, smaller budget), and prints each
# score and the combined one (a mutant counts as killed when any suite kills it). Slow; not in CI.
#   ./build mutation        everything (about 30 minutes on 2 cores)
#   ./build mutation spec   only the model's decision logic under spec-model's own tests, with its score
#                           and every surviving mutant listed (docs/performance.md argues each one)
# Needs JAVA_HOME set to a JDK 21+ (./build does that). PIT_THREADS (default 2) sets PIT's threads;
# PIT_TRIES (default 20) the conformance suite's tries per configuration under PIT.
# Reports: impl/target/pit-reports, spec-model/target/pit-reports, conformance/target/pit-reports/{impl,model}.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scope=${1:-all}
case "$scope" in
  all|spec) ;;
  *) echo "mutation: unknown scope '$scope' (use: spec, or nothing for everything)" >&2; exit 2 ;;
esac
threads=${PIT_THREADS:-2}
tries=${PIT_TRIES:-20}
pit=org.pitest:pitest-maven:mutationCoverage
mvn=("$root/mvnw" -B -ntp)
model_classes=$(printf 'invs.spec.model.%s*,' Specification Completion Bounds Operation OperationKind Expectation \
  Outcome Frontier Cells AppState SystemState Region)
model_classes="${model_classes}invs.spec.StoragePermissions*"
# Argument guards (Validate), value methods (hashCode, equals, toString, and hashOf, which the model's
# records use to compute their hash once), and the board's statistics, wear and transfer counters and
# image file are not behaviour of the driver: they are left out, the same way in every run (see docs/conformance.md).
common=(-Dthreads="$threads" -DtimestampedReports=false -DoutputFormats=XML,HTML -DtimeoutConstant=20000
  -DavoidCallsTo=org.apache.commons.lang3.Validate,invs.impl.flash.FlashWear,invs.impl.driver.TransferCounters -DexcludedMethods=hashCode,equals,toString,hashOf)

# The score of one PIT report (detected as PIT counts it: killed or timed out), and its surviving or uncovered
# mutants one a line: status class.method:line  mutator description.
model_report() {
  local report=$1
  local total killed
  total=$(grep -o "<mutation detected=" "$report" | wc -l)
  killed=$(grep -o "<mutation detected='true'" "$report" | wc -l)
  echo "model under spec-model's tests: $killed of $total mutants killed ($(awk -v k="$killed" -v t="$total" \
    'BEGIN { printf "%.1f", t ? 100 * k / t : 0 }')%)"
  grep "status='SURVIVED'\|status='NO_COVERAGE'" "$report" \
    | sed -E "s/.*status='([A-Z_]+)'.*<mutatedClass>[a-z.]*([A-Za-z]+)<\/mutatedClass><mutatedMethod>([^<]+)<\/mutatedMethod>.*<lineNumber>([0-9]+)<\/lineNumber>.*<description>([^<]*)<\/description>.*/  \1 \2.\3:\4  \5/" \
    | sed -e 's/&lt;/</g' -e 's/&gt;/>/g'
}

if [ "$scope" = all ]; then
  echo "== impl, mutated under its own tests"
  "${mvn[@]}" -q -pl impl test-compile "$pit" "${common[@]}" \
    -DtargetClasses='invs.impl.*' \
    -DexcludedClasses='invs.impl.bench.*,invs.impl.kernel.BoardStatistics,invs.impl.flash.FlashWear,invs.impl.flash.FlashImageFile,invs.impl.driver.TransferCounters' \
    -DtargetTests='invs.impl.*' -DexcludedTestClasses='invs.impl.bench.*'
fi

echo "== the model's decision logic, mutated under spec-model's tests"
"${mvn[@]}" -q -pl spec-model test-compile "$pit" "${common[@]}" \
  -DtargetClasses="$model_classes" -DtargetTests='invs.spec.*' \
  -DexcludedTestClasses='invs.spec.model.bench.*,invs.spec.explore.*'

if [ "$scope" = spec ]; then
  model_report spec-model/target/pit-reports/mutations.xml
  exit 0
fi

echo "== impl and the model, mutated under the conformance suite"
# skipPitest skips the upstream modules of the reactor; the conformance executions set skip=false.
"${mvn[@]}" -q -pl conformance -am -Pmutation -DskipPitest=true -Dpit.threads="$threads" \
  -Dpit.tries="$tries" test-compile "$pit@impl" "$pit@model"

echo "== scores"
model_report spec-model/target/pit-reports/mutations.xml
"$JAVA_HOME/bin/java" -cp conformance/target/test-classes invs.conformance.bench.MutationScore \
  "impl=impl/target/pit-reports/mutations.xml,conformance/target/pit-reports/impl/mutations.xml" \
  "model=spec-model/target/pit-reports/mutations.xml,conformance/target/pit-reports/model/mutations.xml"
