package dev.skiff.eval.value;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An ordered map no one can change: the entries of a dict or schema value. Values hold their maps in this
 * form so that a value made from another's entries (a dict copied, a config passed on) shares them instead of
 * copying them: with tens of thousands of objects per run, those copies were a large share of all allocation.
 * Only this package can wrap a map, and only a map it made or was handed to keep.
 */
final class Frozen<K, V> extends AbstractMap<K, V> {
    private final Map<K, V> view;

    private Frozen(Map<K, V> owned) {
        this.view = Collections.unmodifiableMap(owned);
    }

    /** {@code m} itself if it is already frozen, else a frozen copy of it. */
    static <K, V> Map<K, V> copyOf(Map<K, V> m) {
        if (m instanceof Frozen<K, V> || m instanceof SparseEntries) {
            return m;
        }
        return new Frozen<>(new LinkedHashMap<>(m));
    }

    /** Wraps a map the caller made and will not touch again, without copying it. */
    static <K, V> Map<K, V> adopt(LinkedHashMap<K, V> owned) {
        return new Frozen<>(owned);
    }

    @Override
    public V get(Object key) {
        return view.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return view.containsKey(key);
    }

    @Override
    public int size() {
        return view.size();
    }

    @Override
    public boolean isEmpty() {
        return view.isEmpty();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return view.entrySet();
    }

    @Override
    public Set<K> keySet() {
        return view.keySet();
    }

    @Override
    public Collection<V> values() {
        return view.values();
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        return view.getOrDefault(key, defaultValue);
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        view.forEach(action);
    }
}
