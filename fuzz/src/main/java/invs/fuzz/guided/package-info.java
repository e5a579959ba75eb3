/**
 * Coverage-guided fuzzing: the byte-string decoder, the Jazzer target, and the campaign that runs Jazzer
 * in a child JVM and turns what it saves into findings.
 */
package invs.fuzz.guided;
