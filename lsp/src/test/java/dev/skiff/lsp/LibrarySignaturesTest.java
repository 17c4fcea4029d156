package dev.skiff.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.eval.lib.Library;
import dev.skiff.types.Declaration;
import dev.skiff.types.Signature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SignatureHelp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the editor shows of the library is what the compiler declares beside each implementation: the same
 * labels and docs in signature help, hover and completion, for every function.
 */
class LibrarySignaturesTest {
    @TempDir
    Path dir;

    private final LanguageService service = new LanguageService();

    /** Opens {@code text} as {@code main.k} and returns the position {@code delta} characters after {@code marker}. */
    private Position open(String text, String marker, int delta) throws IOException {
        Path file = dir.resolve("main.k");
        Files.writeString(file, text);
        service.docs.put(uri(), 1, text);
        int offset = text.indexOf(marker) + delta;
        String before = text.substring(0, offset);
        return new Position((int) before.chars().filter(c -> c == '\n').count(), offset - before.lastIndexOf('\n') - 1);
    }

    private String uri() {
        return dir.resolve("main.k").toUri().toString();
    }

    private String hover(String text, String marker, int delta) throws IOException {
        Hover h = service.hover(uri(), open(text, marker, delta));
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
    void hoverOverALibraryNameShowsItsSignatureAndDoc() throws IOException {
        String text = "import math\nimport units\nn = len([1, 2])\nr = math.sqrt(2)\ng = units.Gi\nu = \"a\".upper()\n";
        assertThat(hover(text, "len(", 1)).startsWith("```\nlen(x: str | list | dict) -> int\n```\n\n")
                .endsWith(Library.declarations().builtin("len").doc());
        assertThat(hover(text, "sqrt(", 2)).contains("math.sqrt(x: int | float) -> float").contains("square root");
        assertThat(hover(text, "Gi\n", 0)).startsWith("```\nunits.Gi: int\n```");
        assertThat(hover(text, "upper", 0)).contains("upper() -> str");
        // the module's name is the import, a number is nothing, a name the document declares is its own
        assertThat(hover(text, "math.sqrt", 1)).startsWith("```\nimport math\n```");
        assertThat(hover(text, "2)\ng", 0)).isNull();
        assertThat(hover(text, "n = len", 0)).isEqualTo("```\nn: int\n```");
        assertThat(hover("len = 3\nx = len\n", "x = len", 5)).isEqualTo("```\nlen: int\n```");
    }

    @Test
    void hoverOverAnOverloadedFunctionShowsEachFormWithItsDoc() throws IOException {
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
    void completionOffersModuleMembersBuiltinsAndStringMethodsWithTheirDeclarations() throws IOException {
        String text = "import units\nname = \"web\"\nu = name.up\ng = units.M\nn = sor\n";
        List<CompletionItem> methods = service.completion(uri(), open(text, "name.up", 7));
        assertThat(methods).extracting(CompletionItem::getLabel).contains("upper").doesNotContain("len");
        assertThat(methods).filteredOn(i -> i.getLabel().equals("upper")).extracting(CompletionItem::getDetail)
                .containsExactly("upper() -> str");
        assertThat(service.completion(uri(), open(text, "units.M", 7))).extracting(CompletionItem::getDetail)
                .contains("units.Mi: int");
        assertThat(service.completion(uri(), open(text, "= sor", 5))).extracting(CompletionItem::getDetail)
                .contains("sorted(iterable: list | str | dict, *, reverse: bool = False) -> list");
    }

    @Test
    void signatureHelpShowsTheDeclarationsDoc() throws IOException {
        String text = "import json\ns = json.encode({a = 1}, indent = ";
        SignatureHelp h = service.signatureHelp(uri(), open(text, text, text.length()));
        var sig = h.getSignatures().get(0);
        assertThat(sig.getLabel()).isEqualTo(Library.declarations().member("json", "encode") instanceof Declaration.Function f
                ? f.overloads().get(0).label() : null);
        assertThat(sig.getDocumentation().getRight().getValue()).isEqualTo(Library.declarations().member("json", "encode").doc());
        var active = sig.getParameters().get(h.getActiveParameter()).getLabel().getRight();
        assertThat(sig.getLabel().substring(active.getFirst(), active.getSecond())).isEqualTo("indent: int = None");
    }
}
