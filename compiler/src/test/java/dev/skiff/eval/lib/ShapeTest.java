package dev.skiff.eval.lib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code manifests.yaml_stream} shapes its documents from values directly; the result is the value the way
 * through plain Java data gave ({@code fromJava(apply(data(v)))}), for every combination of the options.
 */
class ShapeTest {
    @Property(tries = 2_000)
    void shapesAsThroughJavaData(@ForAll("values") Value v, @ForAll boolean sortKeys, @ForAll boolean ignorePrivate,
                                 @ForAll boolean ignoreNone) {
        DataModules.Shape shape = new DataModules.Shape(sortKeys, ignorePrivate, ignoreNone);
        Value direct = shape.applyTo(v);
        Value viaJava = Values.fromJava(shape.apply(DataModules.data(v)));
        assertSame(direct, viaJava);
    }

    private static void assertSame(Value a, Value b) {
        assertThat(a.getClass()).isEqualTo(b.getClass());
        switch (a) {
            case Value.DictV d -> {
                Map<String, Value> other = ((Value.DictV) b).entries();
                assertThat(d.entries().keySet()).containsExactlyElementsOf(other.keySet());
                d.entries().forEach((k, x) -> assertSame(x, other.get(k)));
            }
            case Value.ListV l -> {
                List<Value> other = ((Value.ListV) b).items();
                assertThat(l.items()).hasSameSizeAs(other);
                for (int i = 0; i < other.size(); i++) {
                    assertSame(l.items().get(i), other.get(i));
                }
            }
            case Value.Int i -> assertThat(i.written()).isEqualTo(((Value.Int) b).written());
            case Value.Float f -> assertThat(f.written()).isEqualTo(((Value.Float) b).written());
            default -> {
            }
        }
        assertThat(a).isEqualTo(b);
    }

    @Provide
    Arbitrary<Value> values() {
        return value(3);
    }

    private Arbitrary<Value> value(int depth) {
        Arbitrary<Value> scalars = Arbitraries.of(new Value.Str("s"), new Value.Int(3), new Value.Int(1024, "1Ki"),
                new Value.Float(0.5), new Value.Float(1.5, "1.5"), Value.Bool.TRUE, Value.None.NONE,
                Value.Undefined.UNDEFINED, new Value.Func("f", (ctx, args, kwargs) -> Value.None.NONE));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<Value> inner = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<String> keys = Arbitraries.of("b", "a", "_p", "c", "_");
        Arbitrary<Value> dicts = Arbitraries.maps(keys, inner).ofMaxSize(4)
                .map(m -> (Value) new Value.DictV(new LinkedHashMap<>(m)));
        Arbitrary<Value> sparse = Arbitraries.maps(keys, inner).ofMaxSize(3).map(m -> {
            Map<String, Object> declared = new LinkedHashMap<>();
            declared.put("status", "status");
            m.keySet().forEach(k -> declared.put(k, k));
            return (Value) new Value.DictV(Values.sparseEntries(new LinkedHashMap<>(m), declared));
        });
        Arbitrary<Value> lists = inner.list().ofMaxSize(4).map(l -> (Value) new Value.ListV(l));
        return Arbitraries.oneOf(scalars, dicts, sparse, lists);
    }
}
