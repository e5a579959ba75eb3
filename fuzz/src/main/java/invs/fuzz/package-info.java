/**
 * The {@code invs} command line: {@link invs.fuzz.Main} and one class per subcommand (fuzz, replay,
 * check-trace, serve, systems, regression-test, clauses). docs/guide.md is its user guide.
 */
package invs.fuzz;
