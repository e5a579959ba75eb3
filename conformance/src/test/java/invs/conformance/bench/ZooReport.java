package invs.conformance.bench;

import invs.conformance.campaign.Budget;
import invs.conformance.campaign.Campaign;
import invs.conformance.campaign.CampaignResult;
import invs.conformance.campaign.Finding;
import invs.conformance.reference.ReferenceProvider;
import invs.conformance.zoo.Mutant;
import invs.conformance.zoo.Zoo;

import java.time.Duration;

/** Prints, for every zoo mutant, whether the default budget kills it, how fast, and the shrunk length. */
public final class ZooReport {
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.decode(args[0]) : Campaign.DEFAULT_SEED;
        String only = args.length > 1 && !args[1].equals("all") ? args[1] : "";
        io.vavr.collection.Vector<invs.conformance.check.Property> properties = args.length > 2
                ? io.vavr.collection.Vector.of(args[2].split(",")).map(label ->
                        invs.conformance.check.Property.ofLabel(label).get())
                : io.vavr.collection.Vector.of(invs.conformance.check.Property.values());
        for (Mutant mutant : Zoo.all()) {
            if (!only.isEmpty() && !mutant.name().equals(only)) {
                continue;
            }
            CampaignResult result = Campaign.against(mutant.name(), mutant)
                    .seed(seed)
                    .properties(properties)
                    .budget(new Budget(360, 150, Duration.ofSeconds(60)))
                    .baseline(new ReferenceProvider())
                    .stopAtFirstFinding(true)
                    .shrinkTime(Duration.ofSeconds(10))
                    .run();
            if (result.findings().isEmpty()) {
                System.out.printf("%-34s SURVIVED after %d tries%n", mutant.name(), result.tries());
                continue;
            }
            Finding finding = result.findings().head();
            System.out.printf("%-34s killed in %6d ms (try %3d), shrink %5d ms, %3d -> %2d steps, %s%n", mutant.name(),
                    finding.foundAfter().toMillis(), result.tries(), finding.shrinkTime().toMillis(),
                    finding.originalLength(), finding.shrunkLength(), finding.key());
            if (!only.isEmpty()) {
                System.out.println(finding.report());
            }
        }
    }
}
