/** Which system under test a command uses, and how it is made. */
package invs.fuzz.system;
