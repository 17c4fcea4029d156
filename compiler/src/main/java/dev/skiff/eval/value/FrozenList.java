package dev.skiff.eval.value;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A list no one can change, in one array: the items (and item spans) of list values. A list value made from
 * another's items shares them instead of copying them; see {@link Frozen} for why this matters.
 */
final class FrozenList<E> extends AbstractList<E> implements RandomAccess {
    private final Object[] items;

    private FrozenList(Object[] items) {
        this.items = items;
    }

    /** {@code l} itself if it cannot change, else a frozen copy of it. */
    static <E> List<E> copyOf(List<E> l) {
        if (l instanceof FrozenList<E>) {
            return l;
        }
        return new FrozenList<>(l.toArray());
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) items[index];
    }

    @Override
    public int size() {
        return items.length;
    }
}
