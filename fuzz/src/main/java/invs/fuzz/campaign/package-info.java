/**
 * Campaigns as the command line runs them: split into shards, run on several threads, one counterexample
 * kept per rule broken and shrunk at the end, and the report.
 */
package invs.fuzz.campaign;
