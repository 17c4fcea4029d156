package dev.skiff.eval.value;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The entries of an instance of a type that declares many attributes of which a config sets few (a Kubernetes
 * kind declares dozens, a program sets a handful): the set ones, in the order written, then every other declared
 * attribute as {@code Undefined}, in declaration order. This is the map a full one would be, but it stores only
 * what was set: the declared names are the type's, shared by all its instances.
 */
final class SparseEntries extends AbstractMap<String, Value> {
    private final Map<String, Value> set;
    private final Map<String, ?> declared;

    SparseEntries(LinkedHashMap<String, Value> set, Map<String, ?> declared) {
        this.set = Frozen.copyOf(set);
        this.declared = declared;
    }

    /** The entries that hold a value (not {@code Undefined}), in output order. */
    Map<String, Value> set() {
        return set;
    }

    @Override
    public Value get(Object key) {
        Value v = set.get(key);
        if (v != null) {
            return v;
        }
        return declared.containsKey(key) ? Value.Undefined.UNDEFINED : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return set.containsKey(key) || declared.containsKey(key);
    }

    @Override
    public int size() {
        int extra = 0;
        for (String k : set.keySet()) {
            if (!declared.containsKey(k)) {
                extra++;
            }
        }
        return declared.size() + extra;
    }

    @Override
    public boolean isEmpty() {
        return set.isEmpty() && declared.isEmpty();
    }

    @Override
    public Set<Entry<String, Value>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Value>> iterator() {
                return new Iterator<>() {
                    private final Iterator<Entry<String, Value>> first = set.entrySet().iterator();
                    private final Iterator<String> rest = declared.keySet().iterator();
                    private Entry<String, Value> next = advance();

                    private Entry<String, Value> advance() {
                        if (first.hasNext()) {
                            Entry<String, Value> e = first.next();
                            return new SimpleImmutableEntry<>(e.getKey(), e.getValue());
                        }
                        while (rest.hasNext()) {
                            String k = rest.next();
                            if (!set.containsKey(k)) {
                                return new SimpleImmutableEntry<>(k, Value.Undefined.UNDEFINED);
                            }
                        }
                        return null;
                    }

                    @Override
                    public boolean hasNext() {
                        return next != null;
                    }

                    @Override
                    public Entry<String, Value> next() {
                        if (next == null) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Value> out = next;
                        next = advance();
                        return out;
                    }
                };
            }

            @Override
            public int size() {
                return SparseEntries.this.size();
            }
        };
    }
}
