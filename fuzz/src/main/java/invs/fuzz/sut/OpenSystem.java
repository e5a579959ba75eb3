package invs.fuzz.sut;

import invs.conformance.sut.SystemUnderTestFactory;

import java.util.List;

/**
 * A system under test ready for use: its spec, the factory that makes fresh instances, a description for
 * reports, and what to release at the end (server processes).
 *
 * @param spec        what was asked for
 * @param factory     makes fresh systems, one per sequence
 * @param description one line for reports
 * @param resources   released by {@link #close()}
 */
public record OpenSystem(SystemSpec spec, SystemUnderTestFactory factory, String description, AutoCloseable resources)
        implements AutoCloseable {

    /** The shell-quoted flags that select this system, each preceded by a space (empty for the reference). */
    public String shellFlags() {
        return shellFlags(spec.flags());
    }

    /** {@code flags} shell-quoted where needed, each preceded by a space. */
    public static String shellFlags(List<String> flags) {
        StringBuilder text = new StringBuilder();
        for (String flag : flags) {
            text.append(' ').append(flag.matches("[A-Za-z0-9_./:=@%+,-]+") ? flag : "'" + flag.replace("'", "'\\''") + "'");
        }
        return text.toString();
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot release " + description, e);
        }
    }
}
