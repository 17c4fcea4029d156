package dev.skiff.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.eval.lib.Library;
import dev.skiff.types.Declaration;
import dev.skiff.types.Signature;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.SignatureHelp;
import org.junit.jupiter.api.Test;

/**
 * What the editor shows of the library is what the compiler declares beside each implementation: the same
 * labels and docs in signature help, hover and completion, for every function.
 */
class LibrarySignaturesTest {
    private static Analysis analysis(String text) {
        return Analysis.of("file:///work/main.k", 1, text, () -> null);
    }

    private static String hover(String text, String marker, int delta) {
        Hover h = Signatures.hover(analysis(text), text.indexOf(marker) + delta);
        return h == null ? null : h.getContents().getRight().getValue();
    }

    @Test
    void everyLibraryFunctionHasItsDeclaredSignaturesWithDocs() {
        int functions = 0;
        for (String name : Library.builtinNames()) {
            functions += matches(Signatures.BUILTINS.get(name), Library.declarations().builtin(name), name);
        }
        for (String name : Library.stringMethodNames()) {
            functions += matches(Signatures.STRING_METHODS.get(name), Library.declarations().stringMethod(name), name);
        }
        for (String module : Library.systemModuleNames()) {
            for (var e : Library.moduleDeclarations(module).entrySet()) {
                if (e.getValue() instanceof Declaration.Function) {
                    functions += matches(Signatures.MODULES.get(module + "." + e.getKey()), e.getValue(), e.getKey());
                }
            }
        }
        assertThat(functions).isGreaterThan(150);
    }

    private static int matches(List<Signatures.Sig> shown, Declaration declared, String name) {
        assertThat(declared).as(name).isInstanceOf(Declaration.Function.class);
        List<Signature> overloads = ((Declaration.Function) declared).overloads();
        assertThat(shown).as(name).hasSize(overloads.size());
        for (int i = 0; i < overloads.size(); i++) {
            Signatures.Sig sig = shown.get(i);
            assertThat(sig.label()).as(name).isEqualTo(overloads.get(i).label());
            assertThat(sig.doc()).as(name).isNotBlank().isEqualTo(overloads.get(i).doc());
            assertThat(sig.params()).as(name).hasSize(overloads.get(i).params().size());
            for (Signatures.Param p : sig.params()) {
                // each parameter's range in the label starts with its name (after `*` or `**`)
                assertThat(sig.label().substring(p.start(), p.end()).replace("*", "")).as(name).startsWith(p.name());
            }
        }
        return 1;
    }

    @Test
    void hoverOverALibraryNameShowsItsSignatureAndDoc() {
        String text = "import math\nimport units\nn = len([1, 2])\nr = math.sqrt(2)\ng = units.Gi\nu = \"a\".upper()\n";
        assertThat(hover(text, "len(", 1)).startsWith("```\nlen(x: str | list | dict) -> int\n```\n\n")
                .endsWith(Library.declarations().builtin("len").doc());
        assertThat(hover(text, "sqrt(", 2)).contains("math.sqrt(x: int | float) -> float").contains("square root");
        assertThat(hover(text, "Gi\n", 0)).startsWith("```\nunits.Gi: int\n```");
        assertThat(hover(text, "upper", 0)).contains("upper() -> str");
        // not on the module's name, a number or a name the document declares
        assertThat(hover(text, "math.sqrt", 1)).isNull();
        assertThat(hover(text, "2)\ng", 0)).isNull();
        assertThat(hover(text, "n = len", 0)).isNull();
        assertThat(hover("len = 3\nx = len\n", "x = len", 5)).isNull();
    }

    @Test
    void hoverOverAnOverloadedFunctionShowsEachFormWithItsDoc() {
        String text = "r = range(3)\n";
        assertThat(hover(text, "range", 0)).contains("range(stop: int) -> [int]")
                .contains("- `range(start: int, stop: int, step: int = 1) -> [int]`: The integers from `start`");
    }

    @Test
    void completionItemsCarryTheSignatureAndTheDoc() {
        List<CompletionItem> items = Signatures.builtinCompletions("so");
        assertThat(items).extracting(CompletionItem::getLabel).containsExactly("sorted");
        assertThat(items.get(0).getDetail()).isEqualTo("sorted(iterable: list | str | dict, *, reverse: bool = False) -> list");
        assertThat(items.get(0).getDocumentation().getRight().getValue()).contains("ascending order");
        assertThat(Signatures.memberCompletions("units", "to_K")).extracting(CompletionItem::getLabel)
                .containsExactly("to_K", "to_Ki");
        assertThat(Signatures.memberCompletions("units", "Mi")).extracting(CompletionItem::getDetail)
                .containsExactly("units.Mi: int");
        assertThat(Signatures.stringMethodCompletions("rs")).extracting(CompletionItem::getLabel)
                .containsExactly("rstrip", "rsplit");
    }

    @Test
    void signatureHelpShowsTheDeclarationsDoc() {
        String text = "import json\ns = json.encode({a = 1}, indent = ";
        SignatureHelp h = SignatureHelps.help(analysis(text), text.length());
        var sig = h.getSignatures().get(0);
        assertThat(sig.getLabel()).isEqualTo(Library.declarations().member("json", "encode") instanceof Declaration.Function f
                ? f.overloads().get(0).label() : null);
        assertThat(sig.getDocumentation().getRight().getValue()).isEqualTo(Library.declarations().member("json", "encode").doc());
        var active = sig.getParameters().get(h.getActiveParameter()).getLabel().getRight();
        assertThat(sig.getLabel().substring(active.getFirst(), active.getSecond())).isEqualTo("indent: int = None");
    }
}
