package invs.fuzz.system;

import invs.fuzz.cli.ShellWords;

import invs.spec.Profile;
import io.vavr.control.Option;

import invs.conformance.sut.Capability;
import invs.conformance.sut.SystemUnderTest;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.Configuration;

import java.util.List;
import java.util.Set;

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

    /**
     * The name for reports, trace headers and trace file names: a server's own name from its hello reply
     * (its first word, as in {@code my-board} for "my-board 2.3"), else the choice's label.
     */
    public String label() {
        if (factory instanceof invs.fuzz.protocol.ExternalProvider external) {
            String server = external.serverName().trim();
            String word = server.isEmpty() ? "" : server.split("\\s+")[0].replaceAll("[^A-Za-z0-9_.-]", "_");
            if (!word.isEmpty()) {
                return word;
            }
        }
        return spec.label();
    }

    /**
     * What a system made for {@code configuration} does beyond the system calls: what a server announced in
     * its hello (docs/protocol.md section 3: the same for every board), else asked of one made and closed at
     * once (a server that hangs on reset would otherwise be waited for once more).
     */
    public Set<Capability> capabilities(Configuration configuration) {
        if (factory instanceof invs.fuzz.protocol.ExternalProvider external && external.announcedCapabilities().isDefined()) {
            return external.announcedCapabilities().get();
        }
        try (SystemUnderTest probe = factory.create(configuration)) {
            return probe.capabilities();
        }
    }

    /** The reading the system announced, if any: a campaign then checks it unless told otherwise. */
    public Option<Profile> announcedProfile() {
        return profile;
    }

    /** The shell-quoted flags that select this system, each preceded by a space (empty for the reference). */
    public String shellFlags() {
        return ShellWords.flags(spec.flags());
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
