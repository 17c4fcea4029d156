package dev.skiff.syntax;

import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Whether two syntax trees are the same program apart from layout: equal record by record, leaving out
 * spans (where a node is) and files. The walk reads the records' components reflectively, so a node kind
 * added to the AST is compared without anyone remembering to list it here; it keeps its own stack, so a
 * left-deep chain of 100,000 operators compares without recursion.
 */
final class SyntaxShape {
    private SyntaxShape() {
    }

    /** The span (in {@code a}) of the first node where {@code a} and {@code b} differ, or null when they do not. */
    static Span firstDifference(SourceUnit a, SourceUnit b) {
        Deque<Object[]> work = new ArrayDeque<>();
        Deque<Span> where = new ArrayDeque<>();
        work.push(new Object[] {a.body(), b.body()});
        where.push(a.span());
        while (!work.isEmpty()) {
            Object[] pair = work.pop();
            Span at = where.pop();
            Object x = pair[0];
            Object y = pair[1];
            if (x instanceof Node n) {
                at = n.span();
            }
            if (x == null || y == null) {
                if (x != y) {
                    return at;
                }
            } else if (x instanceof List<?> xs && y instanceof List<?> ys) {
                if (xs.size() != ys.size()) {
                    return at;
                }
                for (int i = xs.size() - 1; i >= 0; i--) {
                    work.push(new Object[] {xs.get(i), ys.get(i)});
                    where.push(at);
                }
            } else if (x.getClass().isRecord()) {
                if (x.getClass() != y.getClass()) {
                    return at;
                }
                RecordComponent[] parts = x.getClass().getRecordComponents();
                for (int i = parts.length - 1; i >= 0; i--) {
                    Class<?> type = parts[i].getType();
                    if (type == Span.class || type == SourceFile.class) {
                        continue;
                    }
                    work.push(new Object[] {read(parts[i], x), read(parts[i], y)});
                    where.push(at);
                }
            } else if (x instanceof Double d && y instanceof Double e) {
                if (Double.compare(d, e) != 0) {
                    return at;
                }
            } else if (!Objects.equals(x, y)) {
                return at;
            }
        }
        return null;
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }
}
