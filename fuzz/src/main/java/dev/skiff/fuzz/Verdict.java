package dev.skiff.fuzz;

/** What became of an input in one stage. */
public enum Verdict {
    /** Accepted without errors. */
    OK,
    /** Rejected with diagnostics that say where and why: the right answer for bad input. */
    DIAGNOSTIC,
    /** A diagnostic without a file and line: the user cannot tell where the problem is. */
    UNPLACED_DIAGNOSTIC,
    /** An exception escaped, an internal error was reported, or a result was malformed. */
    CRASH,
    /** Did not finish within the watchdog's time. */
    HANG,
    /** Ran out of memory. */
    OUT_OF_MEMORY,
    /** The formatter refused the file (safely: nothing would be written). */
    FORMAT_REFUSED,
    /** The formatted program means something else, does not parse, or formats differently again. */
    FORMAT_BROKE_MEANING;

    /** A verdict that is a defect to fix, not an answer. */
    public boolean isDefect() {
        return this == CRASH || this == HANG || this == OUT_OF_MEMORY || this == FORMAT_BROKE_MEANING;
    }
}
