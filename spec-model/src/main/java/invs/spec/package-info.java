/**
 * The vocabulary of the executable specification of Tock's Isolated Nonvolatile Storage driver
 * (driver number 0x50004): configurations, identities, storage permissions, the inputs an app or the
 * environment makes, and the observations an implementation shows.
 *
 * <p>The state machine itself lives in {@link invs.spec.model}.
 */
package invs.spec;
