package dev.skiff.emit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * How deeply plain data nests, measured without recursion. Output deeper than {@link #MAX_OUTPUT} is refused
 * before it is written: YAML and JSON readers stop there (Jackson's default limit is 1,000 levels), and the
 * writers, which recurse, must not overflow the stack of whatever thread writes (a 6,000-segment dotted key
 * did, on the command line's main thread).
 */
public final class Depth {
    /** The deepest output Skiff writes. */
    public static final int MAX_OUTPUT = 1_000;

    private Depth() {
    }

    /** The nesting depth of {@code data}, counting each map and list; stops counting past {@code limit}. */
    public static int of(Object data, int limit) {
        Deque<Object[]> work = new ArrayDeque<>();
        work.push(new Object[] {data, 0});
        int deepest = 0;
        while (!work.isEmpty()) {
            Object[] item = work.pop();
            int depth = (int) item[1];
            deepest = Math.max(deepest, depth);
            if (deepest > limit) {
                return deepest;
            }
            if (item[0] instanceof Map<?, ?> m) {
                m.values().forEach(v -> work.push(new Object[] {v, depth + 1}));
            } else if (item[0] instanceof List<?> l) {
                l.forEach(v -> work.push(new Object[] {v, depth + 1}));
            }
        }
        return deepest;
    }
}
