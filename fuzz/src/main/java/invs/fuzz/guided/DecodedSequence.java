package invs.fuzz.guided;

import invs.conformance.board.NamedConfiguration;
import invs.spec.Input;
import io.vavr.collection.Vector;

/**
 * What a fuzzer's bytes stand for: a configuration and a sequence of inputs for it.
 *
 * @param configuration the configuration the first byte chose
 * @param inputs        the inputs the other bytes encode
 */
public record DecodedSequence(NamedConfiguration configuration, Vector<Input> inputs) {
}
