package invs.conformance.campaign;

/**
 * Disjoint groups of the indexes {@code 0 .. size-1} (union-find with path halving): which findings, or
 * which causes of several shards, were put together. Each group is named by its smallest index.
 */
public final class Partition {
    private final int[] parent;

    /** Every index in a group of its own. */
    public Partition(int size) {
        parent = new int[size];
        for (int index = 0; index < size; index++) {
            parent[index] = index;
        }
    }

    /** The smallest index of {@code index}'s group. */
    public int root(int index) {
        while (parent[index] != index) {
            parent[index] = parent[parent[index]];
            index = parent[index];
        }
        return index;
    }

    /** Puts the groups of {@code a} and {@code b} together. */
    public void join(int a, int b) {
        int rootA = root(a);
        int rootB = root(b);
        if (rootA != rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }
}
