/**
 * Option groups and value parsers of the command line; {@link invs.fuzz.cli.UserError} for one-line
 * errors.
 */
package invs.fuzz.cli;
