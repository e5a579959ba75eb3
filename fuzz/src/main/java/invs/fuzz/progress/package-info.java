/** Progress displays on standard error: a terminal bar or plain periodic lines. */
package invs.fuzz.progress;
