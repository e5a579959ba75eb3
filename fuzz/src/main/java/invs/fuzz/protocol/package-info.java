/**
 * The out-of-process protocol (docs/protocol.md): its messages, the server side ({@code invs serve}) and
 * the client side, a system under test that drives a server process.
 */
package invs.fuzz.protocol;
