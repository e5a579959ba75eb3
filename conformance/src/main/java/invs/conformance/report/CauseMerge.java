package invs.conformance.report;

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
        int[] parent = new int[all.size()];
        java.util.Map<String, Integer> bySignature = new java.util.HashMap<>();
        for (int index = 0; index < parent.length; index++) {
            parent[index] = index;
            for (String signature : all.get(index).signatures()) {
                Integer earlier = bySignature.putIfAbsent(signature, index);
                if (earlier != null) {
                    union(parent, earlier, index);
                }
            }
        }
        return Vector.range(0, all.size()).filter(index -> find(parent, index) == index)
                .map(root -> Vector.range(0, all.size()).filter(index -> find(parent, index) == root).map(all::get))
                .map(CauseMerge::together);
    }

    /** One cause of {@code members}, led by the shortest representative. */
    private static CauseSummary together(Vector<CauseSummary> members) {
        CauseSummary lead = members.minBy(cause -> cause.representative().steps()).get();
        Vector<FindingSummary> others = members.flatMap(CauseSummary::findings).remove(lead.representative())
                .sortBy(FindingSummary::steps);
        return new CauseSummary(lead.signature(), others.prepend(lead.representative()), lead.counterexample());
    }

    private static int find(int[] parent, int index) {
        while (parent[index] != index) {
            parent[index] = parent[parent[index]];
            index = parent[index];
        }
        return index;
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA != rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }
}
