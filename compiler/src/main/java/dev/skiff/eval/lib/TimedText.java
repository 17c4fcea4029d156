package dev.skiff.eval.lib;

import dev.skiff.eval.value.CallContext;

/**
 * A string that asks the evaluator, now and then, whether time is up: Java's regular expressions backtrack
 * without end on some patterns (`(a+)+$` against a long run of `a`s), and stop only when reading their input
 * throws.
 */
final class TimedText implements CharSequence {
    private final String text;
    private final CallContext ctx;
    private int reads;

    TimedText(String text, CallContext ctx) {
        this.text = text;
        this.ctx = ctx;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0xFFFF) == 0) {
            ctx.checkTime();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new TimedText(text.substring(start, end), ctx);
    }

    @Override
    public String toString() {
        return text;
    }
}
