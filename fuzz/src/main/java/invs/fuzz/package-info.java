/**
 * The {@code invs} command line: {@link invs.fuzz.Main} and one class per subcommand (fuzz, merge, replay,
 * check-trace, explore, serve, systems, regression-test, clauses). docs/guide.md is its user guide.
 */
package invs.fuzz;
