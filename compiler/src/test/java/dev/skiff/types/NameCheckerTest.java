package dev.skiff.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.diag.Diagnostic;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.Parser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scopes the static name check knows, and where it must stay silent because a scope is open. */
class NameCheckerTest {
    private static List<String> undefined(String program) {
        var unit = Parser.parse(SourceFile.ofString("main.k", program));
        assertThat(unit.diagnostics()).isEmpty();
        return NameChecker.check(List.of(unit.value()), Set.of("len", "print", "int"), Set.of("regex", "math"))
                .stream().map(Diagnostic::message).toList();
    }

    @Test
    void globalsAreSeenInAnyOrderAndAcrossBranches() {
        assertThat(undefined("""
                a = b + 1
                if a > 1:
                    c = 2
                b = c
                """)).isEmpty();
    }

    @Test
    void schemaBodiesSeeAttributesOfParentsMixinsAndParameters() {
        assertThat(undefined("""
                schema Base[prefix: str]:
                    name: str
                schema NameMixin:
                    full = prefix + name + extra
                schema S(Base):
                    mixin [NameMixin]
                    extra: str = name
                    if extra:
                        more = 1
                    check:
                        len(name) + more > 0
                        full
                """)).isEmpty();
    }

    @Test
    void reportsUndefinedNamesInCodeThatNeverRuns() {
        assertThat(undefined("""
                schema S:
                    a: int = 1
                    check:
                        b > a
                f = lambda x { x + y }
                if False:
                    z = [q for q in qs]
                """)).containsExactly("name `b` is not defined", "name `y` is not defined",
                "name `qs` is not defined");
    }

    @Test
    void configKeysSetEarlierAreReadableLater() {
        assertThat(undefined("""
                d = {
                    "name" = "x"
                    metadata.labels = {app = name}
                    spec = metadata
                }
                early = {a = later, later = 1}
                """)).containsExactly("name `later` is not defined");
    }

    @Test
    void comprehensionAndQuantifierVariablesAreScoped() {
        assertThat(undefined("""
                xs = [x * y for x in [1, 2] for y in range(x)]
                ok = all v in xs { v > 0 }
                leak = v
                """)).containsExactly("name `range` is not defined", "name `v` is not defined");
    }

    @Test
    void staysSilentWhereTheScopeCannotBeKnown() {
        assertThat(undefined("""
                import pkg
                schema Child(pkg.Base):
                    x = fromParent
                schema Open:
                    [...str]: str
                    check:
                        anyKey == "v"
                rule R for P:
                    attr > 0
                d = {**pkg.defaults, y = unpacked}
                """)).containsExactly("name `P` is not defined");
    }

    @Test
    void aSystemModuleUsedWithoutImportGetsAnImportHint() {
        var unit = Parser.parse(SourceFile.ofString("main.k", "ok = regex.match(\"a\", \"a\")\n"));
        List<Diagnostic> found = NameChecker.check(List.of(unit.value()), Set.of(), Set.of("regex"));
        assertThat(found).singleElement().satisfies(d -> assertThat(d.hints()).anyMatch(h -> h.contains("import regex")));
    }

    @Test
    void unknownTypeNamesAreTypeErrors() {
        assertThat(undefined("""
                schema Container:
                    name: str
                schema Pod:
                    containers: [Containr]
                    n: int = 1
                """)).containsExactly("unknown type `Containr`");
    }
}
