package invs.conformance.report;

import io.vavr.control.Option;

/**
 * One shard's report as a merged report lists it.
 *
 * @param directory where its report was read from, as given to {@code invs merge}
 * @param shards    the shards it covers
 * @param tries     the tries it ran
 * @param complete  whether they were all the tries of its shards
 * @param seconds   its time spent running tries
 * @param threads   tries it ran at once
 * @param rerun     the command that runs exactly its tries again, if known
 */
public record ShardPart(String directory, ShardSet shards, long tries, boolean complete, double seconds, int threads,
                        Option<String> rerun) {
}
