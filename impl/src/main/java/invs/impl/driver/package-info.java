/**
 * The Isolated Nonvolatile Storage capsule (driver 0x50004): permission checks, per-app outstanding
 * operations, the queue of waiting operations, the region table found from on-flash headers, region
 * allocation, and transfers chunked through the kernel buffer. The on-flash format is the real
 * capsule's (see {@link invs.impl.driver.RegionHeader}).
 */
package invs.impl.driver;
