package invs.fuzz.cli;

import invs.conformance.check.Property;
import io.vavr.collection.Vector;
import picocli.CommandLine;

/** Reads a property by its label: lockstep, liveness, durability, isolation or robustness. */
public final class PropertyConverter implements CommandLine.ITypeConverter<Property> {
    @Override
    public Property convert(String value) {
        return Property.ofLabel(value.trim()).getOrElseThrow(() -> new CommandLine.TypeConversionException("'" + value
                + "' is not a property (" + Vector.of(Property.values()).map(Property::label).mkString(", ") + ")"));
    }
}
