package dev.skiff.eval.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skiff.eval.value.CallContext;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.source.Span;
import dev.skiff.types.Calls;
import dev.skiff.types.Declaration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's binding of arguments agrees with {@link Calls}, which the checker uses: its shortcut for calls
 * of positional arguments accepts exactly the calls {@link Calls} finds nothing wrong with, for every function
 * of the library, and it rejects an argument of the wrong kind as {@link Calls#accepts} does.
 */
class BinderTest {
    private static final CallContext CONTEXT = new CallContext() {
        @Override
        public Span span() {
            return null;
        }

        @Override
        public Map<String, Value> options() {
            return Map.of();
        }

        @Override
        public Appendable out() {
            return new StringBuilder();
        }

        @Override
        public Path projectRoot() {
            return Path.of(".");
        }

        @Override
        public Value call(Value function, List<Value> args, Map<String, Value> kwargs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setOutputStream(List<Value> documents, Map<String, Value> options) {
        }
    };

    private static Map<String, Declaration.Function> functions() {
        Map<String, Declaration.Function> out = new LinkedHashMap<>();
        List<Map<String, Declaration>> all = new ArrayList<>(List.of(Library.builtinDeclarations(),
                Library.stringMethodDeclarations()));
        Library.systemModuleNames().forEach(m -> all.add(Library.moduleDeclarations(m)));
        for (Map<String, Declaration> m : all) {
            m.forEach((name, d) -> {
                if (d instanceof Declaration.Function f) {
                    out.put(f.overloads().get(0).name(), f);
                }
            });
        }
        return out;
    }

    @Test
    void positionalCallsAreBoundExactlyWhenCallsFindNothingWrong() {
        functions().forEach((name, f) -> {
            Binder binder = new Binder(f);
            for (int n = 0; n <= 7; n++) {
                // None fits every parameter, so only the number of arguments decides
                List<Value> args = Collections.nCopies(n, Value.None.NONE);
                boolean fits = Calls.select(f, n, List.of(), null).problem() == null;
                boolean bound;
                try {
                    binder.bind(CONTEXT, args, Map.of());
                    bound = true;
                } catch (EvalException e) {
                    bound = false;
                }
                assertThat(bound).as(name + " with " + n + " arguments").isEqualTo(fits);
            }
        });
    }

    @Test
    void argumentsOfTheWrongKindAreRejectedAsCallsSaysForEveryParameter() {
        List<Value> samples = List.of(Value.Bool.TRUE, new Value.Int(1), new Value.Float(1.5), new Value.Str("s"),
                Value.ListV.EMPTY, Value.DictV.EMPTY);
        functions().forEach((name, f) -> {
            var s = f.overloads().get(f.overloads().size() - 1);
            for (int i = 0; i < s.positional().size(); i++) {
                for (Value v : samples) {
                    List<Value> args = new ArrayList<>(Collections.nCopies(s.positional().size(), Value.None.NONE));
                    args.set(i, v);
                    boolean accepted = Calls.accepts(kindOf(v), s.positional().get(i).type());
                    Binder binder = new Binder(f);
                    if (accepted) {
                        binder.bind(CONTEXT, args, Map.of());
                    } else {
                        assertThatThrownBy(() -> binder.bind(CONTEXT, args, Map.of())).as(name + " #" + i + " " + v)
                                .hasMessageContaining("expects");
                    }
                }
            }
        });
    }

    private static dev.skiff.types.Type kindOf(Value v) {
        return switch (v) {
            case Value.Bool b -> dev.skiff.types.Type.BOOL;
            case Value.Int i -> dev.skiff.types.Type.INT;
            case Value.Float x -> dev.skiff.types.Type.FLOAT;
            case Value.Str x -> dev.skiff.types.Type.STR;
            case Value.ListV l -> new dev.skiff.types.Type.ListOf(dev.skiff.types.Type.STR);
            default -> new dev.skiff.types.Type.DictOf(dev.skiff.types.Type.STR, dev.skiff.types.Type.INT);
        };
    }
}
