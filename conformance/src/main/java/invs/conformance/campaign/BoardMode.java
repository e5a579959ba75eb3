package invs.conformance.campaign;

/** Which boards a campaign's tries run on. */
public enum BoardMode {
    /** Only the given (standard) boards, one per try in turn. */
    STANDARD,
    /** Only boards generated from each try's seed. */
    GENERATED,
    /** Even tries on the given boards in turn, odd tries on generated boards (the default). */
    BOTH
}
