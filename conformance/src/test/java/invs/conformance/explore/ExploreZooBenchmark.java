package invs.conformance.explore;

import invs.conformance.reference.ReferenceProvider;
import invs.conformance.zoo.Mutant;
import invs.conformance.zoo.Zoo;
import invs.spec.Configuration;
import invs.spec.Profile;
import invs.spec.explore.ExplorationResult;
import invs.spec.explore.InputAlphabet;
import invs.spec.explore.SmallBoard;
import io.vavr.collection.Vector;

/**
 * Prints what exhaustive lockstep checking on the standard small board ({@link SmallBoard#standard()})
 * costs and finds: the exploration of the specification, the replay of the reference implementation
 * (together, what {@code invs explore --lockstep} does), then for every bug-zoo mutant whether the replay
 * finds it, the length of the shortest diverging sequence and the time taken; then the same for the
 * alternative readings of the driver document ({@link Zoo#readings()}), counted apart. The specification is
 * explored once and replayed against every system. A main, not a test: run with {@code ./build bench}.
 */
public final class ExploreZooBenchmark {
    private ExploreZooBenchmark() {
    }

    /** Processor nanoseconds used by every thread of this process: on a shared machine steadier than wall time. */
    private static long processorTime() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Runs the benchmark. Arguments: the depth (default 4), then any of {@code tock} (the tock profile
     * instead of doc), {@code single} (the alphabet of single inputs instead of the standard one) and
     * {@code reference} (replay the reference implementation only).
     */
    public static void main(String[] args) {
        int depth = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        Vector<String> options = Vector.of(args).drop(1);
        Configuration small = options.contains("tock") ? SmallBoard.of(Profile.TOCK, 3, 2, 4) : SmallBoard.standard();
        String name = options.contains("single") ? "single" : "standard";
        InputAlphabet alphabet = InputAlphabet.named(name, small).get();
        ExhaustiveLockstep lockstep = new ExhaustiveLockstep(small, alphabet);
        long cpu = processorTime();
        ExplorationResult exploration = lockstep.explore(depth, Long.MAX_VALUE, 3600);
        long explored = processorTime();
        System.out.printf("%s alphabet (%d moves), depth %d%n", name, alphabet.moves().size(), depth);
        System.out.println("specification: " + exploration.summary());
        System.out.println("new nodes per depth: " + exploration.perDepth().mkString(", "));
        LockstepExploration reference = lockstep.replay(exploration, depth, new ReferenceProvider(), 5);
        long replayed = processorTime();
        System.out.printf("reference: replayed %,d sequences (%,d inputs, %,d transitions, %,d nodes not reached) in %.1f s,"
                        + " %d divergence(s); whole run %.1f s; processor time: exploring %.1f s, replaying %.1f s%n",
                reference.replayed(), reference.inputs(), reference.transitions(), reference.unreached(),
                reference.seconds(), reference.divergences().size(),
                exploration.seconds() + reference.seconds(), (explored - cpu) / 1e9, (replayed - explored) / 1e9);
        reference.divergences().forEach(verdict -> System.out.println(verdict.describe()));
        if (options.contains("reference")) {
            return;
        }
        Vector<String> missed = Vector.empty();
        for (Mutant mutant : Zoo.all().appendAll(Zoo.readings())) {
            LockstepExploration result = lockstep.replay(exploration, depth, mutant, 1);
            boolean found = !result.conforms();
            if (!found) {
                missed = missed.append(mutant.name());
            }
            System.out.printf("%-36s %-8s %s%n", mutant.name(), found ? "found" : "missed",
                    found ? String.format("after %d inputs (setup %d), %.1f s", result.divergences().head().inputs().size(),
                            alphabet.setup().size(), result.seconds()) : String.format("%.1f s", result.seconds()));
        }
        Vector<String> zoo = Zoo.all().map(Mutant::name);
        Vector<String> configuration = Zoo.configurationSpace().map(Mutant::name);
        Vector<String> board = zoo.removeAll(configuration);
        System.out.printf("exhaustive lockstep at depth %d found %d of the %d zoo mutants of the standard boards, %d of"
                        + " all %d zoo mutants (%d of the configuration space), %d of %d with the alternative readings;"
                        + " missed: %s%n", depth, board.size() - missed.count(board::contains), board.size(),
                zoo.size() - missed.count(zoo::contains), zoo.size(), configuration.size() - missed.count(configuration::contains),
                zoo.size() + Zoo.readings().size() - missed.size(), zoo.size() + Zoo.readings().size(),
                missed.isEmpty() ? "none" : missed.mkString(", "));
    }
}
