package dev.skiff.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.diag.Diagnostic;
import dev.skiff.modules.Program;
import dev.skiff.modules.Resolution;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Nodes;
import dev.skiff.syntax.Parser;
import dev.skiff.syntax.SourceUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The scopes the resolve stage knows, where it must stay silent because a scope is open, and which declaration
 * each name is bound to.
 */
class ResolverTest {
    private static SourceUnit parse(String name, String text) {
        var unit = Parser.parse(SourceFile.ofString(name, text));
        assertThat(unit.diagnostics()).isEmpty();
        return unit.value();
    }

    /** A program of {@code main.k} and packages given as texts, by import path. */
    private static Bindings resolve(String main, Map<String, String> packages, Set<String> systemModules) {
        Program program = Program.load(List.of(parse("main.k", main)), (path, from) -> {
            String text = packages.get(path);
            return text == null ? new Resolution.NotFound("no " + path)
                    : new Resolution.Package(path, List.of(parse(path + ".k", text)), List.of());
        });
        return Resolver.resolve(program, Set.of("len", "print", "int"), systemModules);
    }

    private static List<String> undefined(String program) {
        return resolve(program, Map.of(), Set.of("regex", "math")).diagnostics().stream()
                .map(Diagnostic::message).toList();
    }

    /** Every name in the main module spelled {@code id}, in source order. */
    private static List<Expr.Name> names(Bindings b, String id) {
        List<Expr.Name> out = new ArrayList<>();
        SourceUnit unit = b.program().main().units().get(0);
        collect(unit, id, out);
        out.sort((x, y) -> Integer.compare(x.span().start(), y.span().start()));
        return out;
    }

    private static void collect(dev.skiff.syntax.Node n, String id, List<Expr.Name> out) {
        if (n instanceof Expr.Name name && name.id().equals(id)) {
            out.add(name);
        }
        Nodes.children(n).forEach(c -> collect(c, id, out));
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
        List<Diagnostic> found = resolve("ok = regex.match(\"a\", \"a\")\n", Map.of(), Set.of("regex")).diagnostics();
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

    @Test
    void everyUseIsBoundToTheOneSymbolOfItsDeclaration() {
        Bindings b = resolve("""
                schema Person:
                    name: str
                    greeting = "hi " + name
                p = Person {name = "x"}
                q = p
                f = lambda p { p }
                """, Map.of(), Set.of());
        List<Expr.Name> ps = names(b, "p");
        // the global `p`, its use in `q = p`, then the lambda's parameter and its use
        assertThat(ps).hasSize(4);
        Symbol global = b.symbol(ps.get(0));
        assertThat(global.kind()).isEqualTo(Symbol.Kind.VARIABLE);
        assertThat(b.symbol(ps.get(1))).isSameAs(global);
        Symbol param = b.symbol(ps.get(2));
        assertThat(param.kind()).isEqualTo(Symbol.Kind.PARAMETER);
        assertThat(b.symbol(ps.get(3))).isSameAs(param);
        List<Expr.Name> name = names(b, "name");
        assertThat(b.symbol(name.get(1))).isSameAs(b.symbol(name.get(0)));
        assertThat(b.symbol(name.get(0)).kind()).isEqualTo(Symbol.Kind.ATTRIBUTE);
        assertThat(b.symbol(names(b, "Person").get(1)).declaration()).isInstanceOf(dev.skiff.syntax.Stmt.SchemaDecl.class);
    }

    @Test
    void aSchemaBodySeesTheAttributesOfAParentInAnotherPackage() {
        Bindings b = resolve("""
                import models
                schema Child(models.Base):
                    label = name + suffix
                """, Map.of("models", """
                schema Base:
                    name: str
                """), Set.of());
        assertThat(b.diagnostics()).extracting(Diagnostic::message).containsExactly("name `suffix` is not defined");
        Symbol name = b.symbol(names(b, "name").get(0));
        assertThat(name.kind()).isEqualTo(Symbol.Kind.ATTRIBUTE);
        assertThat(name.module()).isEqualTo("models");
        Symbol base = b.symbol(names(b, "Base").get(0));
        assertThat(base.kind()).isEqualTo(Symbol.Kind.SCHEMA);
        assertThat(base.span().file().name()).isEqualTo("models.k");
    }

    @Test
    void kubernetesModuleMembersAreSymbolsOfTheirPath() {
        Bindings b = resolve("""
                import k8s.api.apps.v1 as apps
                d = apps.Deployment {}
                e = apps.Deployment {}
                """, Map.of(), Set.of());
        List<Expr.Name> kinds = names(b, "Deployment");
        Symbol sym = b.symbol(kinds.get(0));
        assertThat(sym.kind()).isEqualTo(Symbol.Kind.KUBERNETES_TYPE);
        assertThat(sym.module()).isEqualTo("k8s.api.apps.v1");
        assertThat(b.symbol(kinds.get(1))).isSameAs(sym);
        assertThat(b.symbol(names(b, "apps").get(1)).kind()).isEqualTo(Symbol.Kind.IMPORT);
    }

    @Test
    void scopesAreCutWhereTheTypeStageCutsALongInheritanceChain() {
        // each scope held its ancestors' members: 5,000 schemas held 12.5 million entries and took minutes
        String chain = "schema S0:\n    a0: int = 0\n" + java.util.stream.IntStream.range(1, 5000)
                .mapToObj(i -> "schema S" + i + "(S" + (i - 1) + "):\n    a" + i + ": int = a" + (i - 1) + " + 1\n")
                .collect(java.util.stream.Collectors.joining());
        Bindings b = resolve(chain, Map.of(), Set.of());
        Map<String, dev.skiff.syntax.Stmt.SchemaDecl> decls = new java.util.HashMap<>();
        for (var s : b.program().main().units().get(0).body()) {
            if (s instanceof dev.skiff.syntax.Stmt.SchemaDecl d) {
                decls.put(d.name().id(), d);
            }
        }
        // the longest chain the type stage allows keeps every inherited member
        Bindings.SchemaScope last = b.schemaScope(decls.get("S100"));
        assertThat(last.known()).isTrue();
        assertThat(last.members()).hasSize(101).containsKeys("a0", "a100");
        // past it, a schema sees its own members only, and its scope is open (nothing reported as undefined)
        for (String name : List.of("S101", "S4999")) {
            Bindings.SchemaScope cut = b.schemaScope(decls.get(name));
            assertThat(cut.known()).isFalse();
            assertThat(cut.members()).containsOnlyKeys("a" + name.substring(1));
        }
        assertThat(b.diagnostics()).isEmpty();
    }
}
