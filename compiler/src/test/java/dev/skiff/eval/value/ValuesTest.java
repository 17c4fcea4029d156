package dev.skiff.eval.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTest {
    @ParameterizedTest
    @CsvSource({
            "1.0, 1.0", "0.5, 0.5", "1.5e-5, 1.5e-05", "0.0001, 0.0001", "123456789.0, 123456789.0",
            "1e16, 1e+16", "1e15, 1000000000000000.0", "-2.25, -2.25", "3.14159, 3.14159", "0.1, 0.1"})
    void floatsReadAsPythonWritesThem(double value, String text) {
        assertThat(Values.formatFloat(value)).isEqualTo(text);
    }

    @Test
    void reprIsPythonLike() {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("key", new Value.Str("value"));
        m.put("n", Value.None.NONE);
        Value v = new Value.ListV(List.of(new Value.Int(1), new Value.Float(1.2), Value.Bool.TRUE,
                new Value.Str("it's"), new Value.DictV(m)));
        assertThat(Values.repr(v)).isEqualTo("[1, 1.2, True, it's, {'key': 'value', 'n': None}]");
        assertThat(Values.toStr(new Value.Str("plain"))).isEqualTo("plain");
    }

    @Test
    void equalityIsNumericAndOrderInsensitiveForDicts() {
        assertThat(Values.equal(new Value.Int(1), new Value.Float(1.0))).isTrue();
        Map<String, Value> a = new LinkedHashMap<>();
        a.put("x", new Value.Int(1));
        a.put("y", new Value.Int(2));
        Map<String, Value> b = new LinkedHashMap<>();
        b.put("y", new Value.Int(2));
        b.put("x", new Value.Int(1));
        assertThat(Values.equal(new Value.DictV(a), new Value.DictV(b))).isTrue();
        assertThat(Values.equal(new Value.Str("1"), new Value.Int(1))).isFalse();
    }

    @Test
    void truthAndOrder() {
        assertThat(Values.truthy(Value.DictV.EMPTY)).isFalse();
        assertThat(Values.truthy(new Value.Str(""))).isFalse();
        assertThat(Values.truthy(new Value.Int(0))).isFalse();
        assertThat(Values.truthy(Value.Undefined.UNDEFINED)).isFalse();
        assertThat(Values.truthy(new Value.ListV(List.of(Value.None.NONE)))).isTrue();
        assertThat(Values.compare(new Value.Str("a"), new Value.Str("b"))).isNegative();
        assertThat(Values.compare(new Value.ListV(List.of(new Value.Int(1))),
                new Value.ListV(List.of(new Value.Int(1), new Value.Int(0))))).isNegative();
        assertThat(Values.compare(new Value.Str("a"), new Value.Int(1))).isNull();
    }

    @Test
    void toJavaLeavesOutWhatKclLeavesOut() {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("a", new Value.Int(1));
        m.put("unset", Value.Undefined.UNDEFINED);
        m.put("none", Value.None.NONE);
        m.put("f", new Value.Func("f", (ctx, args, kw) -> Value.None.NONE));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", 1L);
        expected.put("none", null);
        assertThat(new Value.DictV(m).toJava()).isEqualTo(expected);
    }
}
