package dev.skiff.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of KCL's union ({@code |}, {@code :}) over configs, lists and scalars. */
class MergeLawsTest {
    @Property(tries = 300)
    void unionWithEmptyConfigIsIdentity(@ForAll("configs") Value a) {
        assertThat(Values.equal(Merge.union(a, Value.DictV.EMPTY, null), a)).isTrue();
        assertThat(Values.equal(Merge.union(Value.DictV.EMPTY, a, null), a)).isTrue();
    }

    @Property(tries = 300)
    void unionIsIdempotent(@ForAll("configs") Value a) {
        assertThat(Values.equal(Merge.union(a, a, null), a)).isTrue();
        assertThat(Values.equal(Merge.unify(a, a, null, ""), a)).isTrue();
    }

    @Property(tries = 300)
    void unionIsAssociative(@ForAll("configs") Value a, @ForAll("configs") Value b, @ForAll("configs") Value c) {
        Value left = Merge.union(Merge.union(a, b, null), c, null);
        Value right = Merge.union(a, Merge.union(b, c, null), null);
        assertThat(Values.equal(left, right)).as("(a|b)|c == a|(b|c)").isTrue();
    }

    @Property(tries = 300)
    void rightSideWinsOnEveryKeyItSets(@ForAll("flatConfigs") Value a, @ForAll("flatConfigs") Value b) {
        Map<String, Value> merged = Values.entries(Merge.union(a, b, null));
        Values.entries(b).forEach((k, v) -> assertThat(Values.equal(merged.get(k), v)).isTrue());
        Values.entries(a).forEach((k, v) -> {
            if (!Values.entries(b).containsKey(k)) {
                assertThat(Values.equal(merged.get(k), v)).isTrue();
            }
        });
    }

    @Property(tries = 300)
    void keysKeepTheOrderFirstWritten(@ForAll("flatConfigs") Value a, @ForAll("flatConfigs") Value b) {
        List<String> expected = new ArrayList<>(Values.entries(a).keySet());
        for (String k : Values.entries(b).keySet()) {
            if (!expected.contains(k)) {
                expected.add(k);
            }
        }
        assertThat(Values.entries(Merge.union(a, b, null)).keySet()).containsExactlyElementsOf(expected);
    }

    @Property(tries = 200)
    void disjointConfigsCommute(@ForAll("flatConfigs") Value a, @ForAll("flatConfigs") Value b) {
        Map<String, Value> bOnly = new LinkedHashMap<>(Values.entries(b));
        bOnly.keySet().removeAll(Values.entries(a).keySet());
        Value b2 = new Value.DictV(bOnly);
        assertThat(Values.equal(Merge.unify(a, b2, null, ""), Merge.unify(b2, a, null, ""))).isTrue();
    }

    @Provide
    Arbitrary<Value> flatConfigs() {
        return Arbitraries.maps(keys(), scalars()).ofMaxSize(5).map(m -> new Value.DictV(new LinkedHashMap<>(m)));
    }

    @Provide
    Arbitrary<Value> configs() {
        return config(3);
    }

    /**
     * Configs whose shape is consistent: a key always holds a config or always a scalar (union is not
     * associative across a scalar and a config, in KCL as here: the right side replaces).
     */
    private Arbitrary<Value> config(int depth) {
        Arbitrary<Map<String, Value>> scalarPart = Arbitraries.maps(keys(), scalars()).ofMaxSize(3);
        if (depth == 0) {
            return scalarPart.map(m -> new Value.DictV(new LinkedHashMap<>(m)));
        }
        Arbitrary<Map<String, Value>> nestedPart = Arbitraries.maps(Arbitraries.of("labels", "spec", "env"),
                config(depth - 1)).ofMaxSize(2);
        return net.jqwik.api.Combinators.combine(scalarPart, nestedPart).as((x, y) -> {
            Map<String, Value> all = new LinkedHashMap<>(x);
            all.putAll(y);
            return (Value) new Value.DictV(all);
        });
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.of("name", "image", "port", "replicas");
    }

    private static Arbitrary<Value> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 5).map(i -> (Value) new Value.Int(i)),
                Arbitraries.of("a", "b", "web").map(s -> (Value) new Value.Str(s)),
                Arbitraries.of(true, false).map(b -> (Value) Value.Bool.of(b)));
    }
}
