/**
 * A simulated NOR flash chip: erase sets a page to 0xFF, programming only clears bits, operations are
 * split-phase (started by a call, completed by {@link invs.impl.flash.NorFlash#tick()} through a
 * {@link invs.impl.flash.FlashClient} callback, like a chip's interrupt), with fault injection, torn
 * operations on power loss, per-page wear counters and optional persistence of the image to a file.
 */
package invs.impl.flash;
