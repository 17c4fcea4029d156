package dev.skiff.eval.value;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An ordered map no one can change, kept in one array: the entries, operators and spans of dict and schema
 * values. A large output holds hundreds of thousands of these small maps until it is printed; as linked hash
 * maps (an entry object per key, a table, a wrapper) they were most of the heap, and copying them most of the
 * collector's work. Here a map costs two references per entry; lookups scan the keys, or use an index built
 * on first use once a map has more than {@link #SCAN} keys. A value made from another's frozen map shares it.
 */
final class Frozen<K, V> extends AbstractMap<K, V> {
    /** Up to this many keys, a lookup compares them in order (cheaper than hashing for the usual few). */
    private static final int SCAN = 8;

    /** Keys at even positions, each followed by its value. */
    private final Object[] kv;
    /** Whether this map only holds a set's keys (its values are all TRUE): see {@link #copyOf(Set)}. */
    private final boolean keysOnly;
    private Map<Object, Integer> index;
    private Set<K> keys;

    private Frozen(Object[] kv, boolean keysOnly) {
        this.kv = kv;
        this.keysOnly = keysOnly;
    }

    /** {@code m} itself if it cannot change, else a frozen copy of it in the same order. */
    static <K, V> Map<K, V> copyOf(Map<K, V> m) {
        if (m instanceof Frozen<K, V> || m instanceof SparseEntries) {
            return m;
        }
        Object[] kv = new Object[m.size() * 2];
        int i = 0;
        for (Map.Entry<K, V> e : m.entrySet()) {
            kv[i++] = e.getKey();
            kv[i++] = e.getValue();
        }
        return new Frozen<>(kv, false);
    }

    /**
     * {@code s} itself if it is a frozen set, else a frozen copy of it in the same order. The key set of a frozen
     * map is copied too: kept, it would keep the map's values alive.
     */
    static <K> Set<K> copyOf(Set<K> s) {
        if (s instanceof Frozen<?, ?>.Keys k && k.owner().keysOnly) {
            return s;
        }
        Object[] kv = new Object[s.size() * 2];
        int i = 0;
        for (K k : s) {
            kv[i++] = k;
            kv[i++] = Boolean.TRUE;
        }
        return new Frozen<K, Boolean>(kv, true).keySet();
    }

    private int find(Object key) {
        int n = kv.length;
        if (n <= 2 * SCAN) {
            for (int i = 0; i < n; i += 2) {
                if (java.util.Objects.equals(kv[i], key)) {
                    return i;
                }
            }
            return -1;
        }
        Map<Object, Integer> ix = index;
        if (ix == null) {
            ix = new HashMap<>(n);
            for (int i = 0; i < n; i += 2) {
                ix.put(kv[i], i);
            }
            index = ix; // racy but benign: every thread builds the same index
        }
        Integer at = ix.get(key);
        return at == null ? -1 : at;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = find(key);
        return i < 0 ? null : (V) kv[i + 1];
    }

    @Override
    @SuppressWarnings("unchecked")
    public V getOrDefault(Object key, V defaultValue) {
        int i = find(key);
        return i < 0 ? defaultValue : (V) kv[i + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    @Override
    public int size() {
        return kv.length / 2;
    }

    @Override
    public boolean isEmpty() {
        return kv.length == 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        for (int i = 0; i < kv.length; i += 2) {
            action.accept((K) kv[i], (V) kv[i + 1]);
        }
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < kv.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<K, V> next() {
                        if (i >= kv.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<K, V> e = new SimpleImmutableEntry<>((K) kv[i], (V) kv[i + 1]);
                        i += 2;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return kv.length / 2;
            }
        };
    }

    @Override
    public Set<K> keySet() {
        Set<K> k = keys;
        if (k == null) {
            k = new Keys();
            keys = k;
        }
        return k;
    }

    /** The keys, in order; a set that values can share as they share the map. */
    final class Keys extends AbstractSet<K> {
        Frozen<K, V> owner() {
            return Frozen.this;
        }

        @Override
        public boolean contains(Object o) {
            return find(o) >= 0;
        }

        @Override
        public int size() {
            return kv.length / 2;
        }

        @Override
        public Iterator<K> iterator() {
            return new Iterator<>() {
                private int i;

                @Override
                public boolean hasNext() {
                    return i < kv.length;
                }

                @Override
                @SuppressWarnings("unchecked")
                public K next() {
                    if (i >= kv.length) {
                        throw new NoSuchElementException();
                    }
                    K k = (K) kv[i];
                    i += 2;
                    return k;
                }
            };
        }
    }
}
