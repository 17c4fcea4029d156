package dev.skiff.eval.lib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.eval.value.Value;
import dev.skiff.types.Declaration;
import dev.skiff.types.Param;
import dev.skiff.types.Signature;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every name the library has is declared, with a signature and a doc, and every declaration is of a name the
 * library has: a function added without its declaration, or a member put into a module by hand, fails here.
 */
class LibraryDeclarationsTest {
    /** Every builtin, string method and module member, by the name code calls it ({@code len}, {@code str.upper}, {@code math.sqrt}). */
    private static Map<String, Value> values() {
        Map<String, Value> out = new LinkedHashMap<>();
        Library.builtinNames().forEach(n -> out.put(n, Library.builtin(n).orElseThrow()));
        Library.stringMethodNames().forEach(n -> out.put("str." + n, Library.stringMethod(n).orElseThrow()));
        for (String m : Library.systemModuleNames()) {
            Library.systemModule(m).orElseThrow().members().forEach((n, v) -> out.put(m + "." + n, v));
        }
        return out;
    }

    private static Declaration declarationOf(String qualified) {
        int dot = qualified.indexOf('.');
        if (dot < 0) {
            return Library.declarations().builtin(qualified);
        }
        String head = qualified.substring(0, dot);
        String name = qualified.substring(dot + 1);
        return head.equals("str") ? Library.declarations().stringMethod(name) : Library.declarations().member(head, name);
    }

    @Test
    void everyNameOfTheLibraryHasADeclarationWithADoc() {
        Map<String, Value> values = values();
        assertThat(values).hasSizeGreaterThan(150);
        values.forEach((name, value) -> {
            Declaration d = declarationOf(name);
            assertThat(d).as(name).isNotNull();
            assertThat(d.doc()).as(name).isNotBlank();
            // a doc is one paragraph: it reads as a sentence and does not run over lines
            assertThat(d.doc()).as(name).doesNotContain("\n").endsWith(".");
            if (value instanceof Value.Func f && !(f.impl() instanceof dev.skiff.eval.value.NativeType)) {
                assertThat(d).as(name).isInstanceOf(Declaration.Function.class);
            } else if (value instanceof Value.Func) {
                assertThat(d).as(name).isInstanceOf(Declaration.TypeName.class);
            } else {
                assertThat(d).as(name).isInstanceOf(Declaration.Constant.class);
            }
        });
    }

    @Test
    void everyDeclarationIsOfANameTheLibraryHas() {
        Set<String> declared = new HashSet<>();
        Library.builtinDeclarations().keySet().forEach(declared::add);
        Library.stringMethodDeclarations().keySet().forEach(n -> declared.add("str." + n));
        for (String m : Library.systemModuleNames()) {
            Library.moduleDeclarations(m).keySet().forEach(n -> declared.add(m + "." + n));
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(values().keySet());
    }

    @Test
    void signaturesNameTheirFunctionAsCallsDo() {
        values().forEach((name, value) -> {
            if (declarationOf(name) instanceof Declaration.Function f) {
                String expected = name.startsWith("str.") ? name.substring(4) : name;
                for (Signature s : f.overloads()) {
                    assertThat(s.name()).as(name).isEqualTo(expected);
                    Set<String> params = new HashSet<>();
                    for (Param p : s.params()) {
                        assertThat(params.add(p.name())).as(name + " declares `" + p.name() + "` once").isTrue();
                    }
                    // the label the editor shows reads back as the same signature
                    assertThat(Signature.parse(s.label(), s.doc())).as(name).isEqualTo(s);
                }
            }
        });
    }
}
