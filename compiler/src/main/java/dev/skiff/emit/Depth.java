package dev.skiff.emit;

/**
 * How deeply output may nest. Output deeper than {@link #MAX_OUTPUT} levels of maps and lists is refused
 * before it is written: YAML and JSON readers stop there (Jackson's default limit is 1,000 levels), and the
 * writers, which recurse, must not overflow the stack of whatever thread writes (a 6,000-segment dotted key
 * did, on the command line's main thread).
 */
public final class Depth {
    /** The deepest output Skiff writes. */
    public static final int MAX_OUTPUT = 1_000;

    private Depth() {
    }
}
