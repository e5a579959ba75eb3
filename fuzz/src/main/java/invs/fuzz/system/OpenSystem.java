package invs.fuzz.system;

import invs.spec.Profile;
import io.vavr.control.Option;

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
 * @param profile     the reading of the driver document the system announced it implements, if it did
 */
public record OpenSystem(SystemChoice spec, SystemUnderTestFactory factory, String description, AutoCloseable resources,
                         Option<Profile> profile) implements AutoCloseable {

    /** A system that announces no reading. */
    public OpenSystem(SystemChoice spec, SystemUnderTestFactory factory, String description, AutoCloseable resources) {
        this(spec, factory, description, resources, Option.none());
    }

    /** The reading the system announced, if any: a campaign then checks it unless told otherwise. */
    public Option<Profile> announcedProfile() {
        return profile;
    }

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
