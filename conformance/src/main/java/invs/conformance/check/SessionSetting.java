package invs.conformance.check;

import invs.conformance.shadow.KernelShadow;
import invs.conformance.sut.SystemUnderTestFactory;
import invs.spec.AppId;
import invs.spec.Configuration;
import io.vavr.control.Option;

/**
 * What an oracle may know about the session it checks.
 *
 * @param configuration the board
 * @param factory       makes systems like the one under test (isolation runs a second one)
 * @param subject       the isolation subject, if isolation is checked
 * @param shadow        the session's view of kernel state, updated after the oracles have checked each step
 * @param stepBound     the most states one step of the specification makes ({@link Checks#stepBound})
 */
record SessionSetting(Configuration configuration, SystemUnderTestFactory factory, Option<AppId> subject,
                      KernelShadow shadow, int stepBound) {
}
