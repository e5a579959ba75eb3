package invs.conformance.bench;

import invs.conformance.campaign.BoardMode;
import invs.conformance.campaign.Budget;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.Cause;
import invs.conformance.campaign.Finding;
import invs.conformance.replay.Replay;
import invs.conformance.zoo.DefaultCampaign;
import invs.conformance.zoo.Mutant;
import invs.conformance.zoo.Zoo;
import invs.spec.Profile;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Vector;

import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Whether two different defects fall together: systems with two defects (one zoo mutant laid over
 * another, pairs drawn at random) each get a default campaign; every finding is replayed on each mutant
 * alone, and a cause that holds a finding only the first explains and one only the second explains mixes
 * the two defects. Prints, per pair, the causes, how many findings each defect alone explains, and the
 * mixed causes; then how many pairs with findings of both defects kept them apart.
 *
 * <p>Arguments: {@code [PAIRS [TRIES [SEED]]]} (default 30 pairs of 100 tries each, seed 1).
 */
public final class ZooPairsBenchmark {
    private ZooPairsBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long tries = args.length > 1 ? Long.parseLong(args[1]) : 100;
        SplittableRandom random = new SplittableRandom(args.length > 2 ? Long.decode(args[2]) : 1);
        Vector<Mutant> above = Zoo.all().filter(mutant -> mutant.layer().isDefined());
        Vector<Tuple2<Mutant, Mutant>> pairs = Vector.empty();
        while (pairs.size() < count) {
            Mutant first = Zoo.all().get(random.nextInt(Zoo.all().size()));
            Mutant second = above.get(random.nextInt(above.size()));
            if (first != second && first.bugIn().exists(second.bugIn()::contains)
                    && !pairs.contains(Tuple.of(first, second))) {
                pairs = pairs.append(Tuple.of(first, second));
            }
        }
        Budget budget = new Budget(tries, DefaultCampaign.STEPS, Duration.ofMinutes(5));
        System.out.printf("%-58s %-7s %6s %7s %7s %6s%n", "second over first", "profile", "causes", "first", "second",
                "mixed");
        int seenBoth = 0;
        int apart = 0;
        for (Tuple2<Mutant, Mutant> pair : pairs) {
            Mutant both = pair._2.over(pair._1);
            Profile profile = both.bugIn().head();
            CampaignResult result = DefaultCampaign.against(both.name(), both, profile, BoardMode.BOTH, budget.time())
                    .budget(budget).shrinkTime(Duration.ofSeconds(5)).run();
            Vector<Vector<Integer>> explained = result.causes().map(cause -> explainedBy(cause, pair._1, pair._2));
            long first = explained.map(sides -> sides.count(side -> side == 1)).sum().longValue();
            long second = explained.map(sides -> sides.count(side -> side == 2)).sum().longValue();
            long mixed = explained.count(sides -> sides.contains(1) && sides.contains(2));
            System.out.printf("%-58s %-7s %6d %7d %7d %6d%n", both.name(), profile.name().toLowerCase(Locale.ROOT),
                    result.causes().size(), first, second, mixed);
            if (first > 0 && second > 0) {
                seenBoth++;
                apart += mixed == 0 ? 1 : 0;
            }
        }
        System.out.printf("%n%d pairs; both defects found alone in %d; kept apart (no cause mixing them) in %d of those%n",
                pairs.size(), seenBoth, apart);
    }

    /** For each finding of {@code cause}: 1 when only the first mutant fails it, 2 when only the second, 0 else. */
    private static Vector<Integer> explainedBy(Cause cause, Mutant first, Mutant second) {
        return cause.findings().map(finding -> {
            boolean byFirst = fails(finding, first);
            boolean bySecond = fails(finding, second);
            return byFirst == bySecond ? 0 : byFirst ? 1 : 2;
        });
    }

    private static boolean fails(Finding finding, Mutant mutant) {
        return Replay.replay(finding.trace(), mutant).violation().isDefined();
    }
}
