package invs.fuzz.cli;

import invs.conformance.campaign.Shard;
import picocli.CommandLine;

/** Reads a shard written {@code i/N}, for example {@code 0/4}. */
public final class ShardConverter implements CommandLine.ITypeConverter<Shard> {
    @Override
    public Shard convert(String value) {
        try {
            return Shard.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
