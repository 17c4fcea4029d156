package dev.skiff.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skiff.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading signatures, and judging calls against them as the checker and the evaluator both do. */
class CallsTest {
    private static final Signature SORTED = Signature.parse(
            "sorted(iterable: list | str | dict, *, reverse: bool = False) -> list", "Sorts.");
    private static final Signature PRINT = Signature.parse(
            "print(*args, sep: str = \" \", end: str = \"\\n\") -> None", "Prints.");
    private static final Declaration.Function RANGE = new Declaration.Function("range", List.of(
            Signature.parse("range(stop: int) -> [int]", "Up to stop."),
            Signature.parse("range(start: int, stop: int, step: int = 1) -> [int]", "From start.")), null);

    private static String problem(Signature s, int positional, String... keywords) {
        Diagnostic d = Calls.problem(s, positional, List.of(keywords), null);
        return d == null ? null : d.message() + (d.hints().isEmpty() ? "" : " / " + d.hints().get(0));
    }

    @Test
    void readsKindsDefaultsAndTypes() {
        assertThat(SORTED.params()).extracting(Param::name, Param::kind, Param::defaultValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("iterable", Param.Kind.POSITIONAL, null),
                org.assertj.core.groups.Tuple.tuple("reverse", Param.Kind.KEYWORD_ONLY, "False"));
        assertThat(SORTED.params().get(0).type()).isEqualTo(Type.union(new Type.ListOf(Type.ANY), Type.STR,
                new Type.DictOf(Type.ANY, Type.ANY)));
        assertThat(PRINT.rest().name()).isEqualTo("args");
        assertThat(PRINT.params().get(2).defaultValue()).isEqualTo("\"\\n\"");
        assertThat(PRINT.result()).isEqualTo(Type.NONE);
        Signature f = Signature.parse("catch(func: () -> any, data: {str:int} = {}) -> str | None", "Catches.");
        assertThat(f.params().get(0).type()).isEqualTo(new Type.Function(List.of(), Type.ANY));
        assertThat(f.params().get(1).type()).isEqualTo(new Type.DictOf(Type.STR, Type.INT));
        assertThat(f.params().get(1).defaultValue()).isEqualTo("{}");
    }

    @Test
    void labelsShowKeywordOnlyParametersAndWhereEachParameterIs() {
        assertThat(SORTED.label()).isEqualTo("sorted(iterable: list | str | dict, *, reverse: bool = False) -> list");
        assertThat(PRINT.label()).isEqualTo("print(*args, sep: str = \" \", end: str = \"\\n\") -> None");
        List<int[]> ranges = SORTED.paramRanges();
        assertThat(SORTED.label().substring(ranges.get(0)[0], ranges.get(0)[1])).isEqualTo("iterable: list | str | dict");
        assertThat(SORTED.label().substring(ranges.get(1)[0], ranges.get(1)[1])).isEqualTo("reverse: bool = False");
    }

    @Test
    void malformedDeclarationsFailToLoad() {
        assertThatThrownBy(() -> Signature.parse("len(x: strr) -> int", "d")).hasMessageContaining("unknown type `strr`");
        assertThatThrownBy(() -> Signature.parse("len(x: str", "d")).hasMessageContaining("malformed signature");
        assertThatThrownBy(() -> Signature.parse("len(*x = 1)", "d")).hasMessageContaining("no default");
    }

    @Test
    void callsAreJudgedByCountKeywordsAndRequiredParameters() {
        assertThat(problem(SORTED, 1)).isNull();
        assertThat(problem(SORTED, 1, "reverse")).isNull();
        assertThat(problem(SORTED, 2)).isEqualTo("`sorted` takes 1 positional argument but 2 were given");
        assertThat(problem(SORTED, 1, "revers")).isEqualTo("`sorted` has no parameter `revers` / did you mean `reverse`?");
        assertThat(problem(SORTED, 0, "reverse")).isEqualTo("`sorted` is missing the argument `iterable`");
        assertThat(problem(SORTED, 0, "iterable")).isNull();
        assertThat(problem(SORTED, 1, "iterable"))
                .isEqualTo("`sorted` is given the argument `iterable` twice, by position and by keyword");
        assertThat(problem(PRINT, 7, "end")).isNull();
        assertThat(problem(PRINT, 0, "file")).isEqualTo("`print` has no parameter `file`");
    }

    @Test
    void overloadsAreTriedInOrderAndTheClosestIsBlamed() {
        assertThat(Calls.select(RANGE, 1, List.of(), null).signature()).isSameAs(RANGE.overloads().get(0));
        assertThat(Calls.select(RANGE, 2, List.of(), null).signature()).isSameAs(RANGE.overloads().get(1));
        assertThat(Calls.select(RANGE, 0, List.of("start", "stop"), null).signature()).isSameAs(RANGE.overloads().get(1));
        assertThat(Calls.select(RANGE, 0, List.of(), null).problem().message())
                .isEqualTo("`range` is missing the argument `stop`");
        assertThat(Calls.select(RANGE, 4, List.of(), null).problem().message())
                .isEqualTo("`range` takes 3 positional arguments but 4 were given");
    }

    @Test
    void argumentsAreJudgedByKind() {
        Type numbers = Type.union(Type.INT, Type.FLOAT);
        assertThat(Calls.accepts(new Type.Literal("4"), numbers)).isFalse();
        assertThat(Calls.accepts(new Type.Literal(4L), numbers)).isTrue();
        assertThat(Calls.accepts(new Type.Literal(true), numbers)).as("True is 1").isTrue();
        assertThat(Calls.accepts(Type.NONE, numbers)).as("None takes the default").isTrue();
        assertThat(Calls.accepts(Type.ANY, numbers)).isTrue();
        // only the kind counts: what is inside a list is the function's to look at
        assertThat(Calls.accepts(new Type.ListOf(Type.STR), new Type.ListOf(Type.INT))).isTrue();
        assertThat(Calls.accepts(new Type.ListOf(Type.STR), Type.STR)).isFalse();
        assertThat(Calls.accepts(Type.FUNCTION, new Type.Function(List.of(Type.ANY, Type.ANY), Type.ANY))).isTrue();
        assertThat(Calls.argumentType(null, SORTED, SORTED.params().get(0), "int").message())
                .isEqualTo("`sorted` expects a list, a string or a dict for `iterable`, found `int`");
    }
}
