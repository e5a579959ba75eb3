package invs.conformance.report;

import invs.conformance.campaign.Partition;
import io.vavr.collection.Vector;

/**
 * Merges the causes of several shard reports: two causes are one when any of their findings share a
 * signature (transitively). The merged cause is represented by the shortest representative among them (the
 * earliest shard's on a tie) and holds every finding of every shard, so every trace stays listed.
 */
final class CauseMerge {
    private CauseMerge() {
    }

    /** The causes of {@code reports} merged, in the order of their first appearance (report by report). */
    static Vector<CauseSummary> merge(Vector<CampaignSummary> reports) {
        Vector<CauseSummary> all = reports.flatMap(CampaignSummary::causes);
        Partition partition = new Partition(all.size());
        java.util.Map<String, Integer> bySignature = new java.util.HashMap<>();
        for (int index = 0; index < all.size(); index++) {
            for (String signature : all.get(index).signatures()) {
                Integer earlier = bySignature.putIfAbsent(signature, index);
                if (earlier != null) {
                    partition.join(earlier, index);
                }
            }
        }
        return Vector.range(0, all.size()).filter(index -> partition.root(index) == index)
                .map(root -> Vector.range(0, all.size()).filter(index -> partition.root(index) == root).map(all::get))
                .map(CauseMerge::together);
    }

    /** One cause of {@code members}, led by the shortest representative. */
    private static CauseSummary together(Vector<CauseSummary> members) {
        CauseSummary lead = members.minBy(cause -> cause.representative().steps()).get();
        Vector<FindingSummary> others = members.flatMap(CauseSummary::findings).remove(lead.representative())
                .sortBy(FindingSummary::steps);
        return new CauseSummary(lead.signature(), others.prepend(lead.representative()), lead.counterexample());
    }
}
