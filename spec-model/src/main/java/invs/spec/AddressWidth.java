package invs.spec;

/** The width of the kernel's address space, which decides how a command's two arguments form an offset. */
public enum AddressWidth {
    /** 32-bit kernel: the offset is argument 1; argument 2 (the high word) must be 0 in the doc profile. */
    BITS_32,
    /** 64-bit kernel: the offset is {@code arg1 | arg2 << 32}. */
    BITS_64
}
