package invs.conformance.board;

import invs.spec.Configuration;
import invs.spec.Profile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Values made once per configuration while it is in use, the last few kept. */
class MadeLatelyTest {
    private static final Configuration DOC = Configuration.defaults(Profile.DOC);
    private static final Configuration TOCK = Configuration.defaults(Profile.TOCK);

    /** What {@link MadeLately} was asked to make, in order. */
    private final List<Configuration> made = new ArrayList<>();

    private MadeLately<StringBuilder> kept(int count) {
        return new MadeLately<>(count, configuration -> {
            made.add(configuration);
            return new StringBuilder(configuration.profile().name());
        });
    }

    @Test
    void alternatingConfigurationsEachKeepTheirOwnValue() {
        MadeLately<StringBuilder> values = kept(4);
        StringBuilder doc = values.of(DOC);
        StringBuilder tock = values.of(TOCK);
        assertNotSame(doc, tock);
        for (int round = 0; round < 3; round++) {
            assertSame(doc, values.of(DOC));
            assertSame(tock, values.of(TOCK));
        }
        assertSame(doc, values.of(DOC.withStorageLength(DOC.storageLength())), "an equal configuration shares it");
        assertEquals(List.of(DOC, TOCK), made, "each made once");
        assertEquals(2, values.size());
    }

    @Test
    void keepsOnlyTheLastConfigurationsMade() {
        MadeLately<StringBuilder> values = kept(2);
        StringBuilder doc = values.of(DOC);
        values.of(TOCK);
        values.of(DOC.withStorageLength(DOC.storageLength() * 2));
        assertEquals(2, values.size());
        StringBuilder again = values.of(DOC);
        assertNotSame(doc, again, "the oldest was dropped and made again");
        assertSame(again, values.of(DOC));
        assertEquals(4, made.size());
    }

    @Test
    void aConfigurationItCannotMakeIsAskedAgainEachTime() {
        MadeLately<String> values = new MadeLately<>(4, configuration -> {
            made.add(configuration);
            throw new IllegalArgumentException("unsupported");
        });
        assertThrows(IllegalArgumentException.class, () -> values.of(DOC));
        assertThrows(IllegalArgumentException.class, () -> values.of(DOC));
        assertEquals(2, made.size());
        assertEquals(0, values.size());
    }

    @Test
    void keepsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> kept(0));
    }

    @Test
    void aConfigurationOfManyAppsIsMadeEachTimeAndNotKept() {
        MadeLately<StringBuilder> values = kept(4);
        values.of(DOC);
        Configuration many = DOC.withApps(io.vavr.collection.Vector.range(0, MadeLately.MOST_APPS + 1)
                .map(slot -> invs.spec.App.selfOnly("app" + slot, 0x1000 + slot)));
        StringBuilder first = values.of(many);
        assertNotSame(first, values.of(many));
        assertEquals(List.of(DOC, many, many), made);
        assertEquals(1, values.size(), "only the small configuration is kept");
        Configuration most = DOC.withApps(many.apps().take(MadeLately.MOST_APPS));
        assertSame(values.of(most), values.of(most));
    }
}
