/**
 * Byte-addressed nonvolatile storage over the pages of a {@link invs.impl.flash.NorFlash}: reads, and
 * writes that program in place when they only clear bits, and otherwise update the page through a
 * scratch page and a commit record in a journal (a two-phase update that survives power loss at any
 * point). The scratch and journal pages lie outside the storage area. See {@code docs/impl.md}.
 */
package invs.impl.storage;
