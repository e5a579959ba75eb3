#!/usr/bin/env bash
# PIT mutation testing (./build mutation): mutates impl and the model's decision logic, each first with
# its own module's tests, then with the conformance suite (fixed seed, smaller budget), and prints each
# score and the combined one (a mutant counts as killed when any suite kills it). Slow; not in CI.
# Needs JAVA_HOME set to a JDK 21+ (./build does that). PIT_THREADS (default 2) sets PIT's threads;
# PIT_TRIES (default 20) the conformance suite's tries per configuration under PIT.
# Reports: impl/target/pit-reports, spec-model/target/pit-reports, conformance/target/pit-reports/{impl,model}.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
threads=${PIT_THREADS:-2}
tries=${PIT_TRIES:-20}
pit=org.pitest:pitest-maven:mutationCoverage
mvn=("$root/mvnw" -B -ntp)
model_classes=$(printf 'invs.spec.model.%s*,' Specification Completion Bounds Operation OperationKind Expectation \
  Outcome Frontier Cells AppState SystemState Region)
model_classes=${model_classes%,}
# Argument guards (Validate), value methods, and the board's statistics, wear and transfer counters and
# image file are not behaviour of the driver: they are left out, the same way in every run (see docs/conformance.md).
common=(-Dthreads="$threads" -DtimestampedReports=false -DoutputFormats=XML,HTML -DtimeoutConstant=20000
  -DavoidCallsTo=org.apache.commons.lang3.Validate,invs.impl.flash.FlashWear,invs.impl.driver.TransferCounters -DexcludedMethods=hashCode,equals,toString)

echo "== impl, mutated under its own tests"
"${mvn[@]}" -q -pl impl test-compile "$pit" "${common[@]}" \
  -DtargetClasses='invs.impl.*' \
  -DexcludedClasses='invs.impl.bench.*,invs.impl.kernel.BoardStatistics,invs.impl.flash.FlashWear,invs.impl.flash.FlashImageFile,invs.impl.driver.TransferCounters' \
  -DtargetTests='invs.impl.*' -DexcludedTestClasses='invs.impl.bench.*'

echo "== the model's decision logic, mutated under spec-model's tests"
"${mvn[@]}" -q -pl spec-model test-compile "$pit" "${common[@]}" \
  -DtargetClasses="$model_classes" -DtargetTests='invs.spec.*' \
  -DexcludedTestClasses='invs.spec.model.bench.*,invs.spec.explore.*'

echo "== impl and the model, mutated under the conformance suite"
# skipPitest skips the upstream modules of the reactor; the conformance executions set skip=false.
"${mvn[@]}" -q -pl conformance -am -Pmutation -DskipPitest=true -Dpit.threads="$threads" \
  -Dpit.tries="$tries" test-compile "$pit@impl" "$pit@model"

echo "== scores"
"$JAVA_HOME/bin/java" -cp conformance/target/test-classes invs.conformance.bench.MutationScore \
  "impl=impl/target/pit-reports/mutations.xml,conformance/target/pit-reports/impl/mutations.xml" \
  "model=spec-model/target/pit-reports/mutations.xml,conformance/target/pit-reports/model/mutations.xml"
