package dev.skiff.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Semantic tokens and signature help, through the protocol as an editor asks for them. */
class SemanticAndSignatureTest {
    private static final String APP = """
            import k8s.api.apps.v1 as apps
            import math

            # a service with a port
            schema Service[prefix: str]:
                \"\"\"A service.\"\"\"
                name: str
                port: int = 8080
                replicas?: int

                check:
                    port > 0, "port must be positive"
                    len(name) <= 63

            double = lambda x: int, factor: int = 2 -> int {
                x * factor
            }
            web = Service("team") {name = "web"}
            label = "app-${web.name}"
            deployment = apps.Deployment {
                metadata.name = web.name
                spec = {
                    replicas = double(1)
                    template.spec.containers = [{
                        name = "web"
                        image = "nginx:1.27"
                        resources.limits.memory = 512Mi
                    }]
                }
            }
            big = math.log(100.0, 10)
            """;

    /** A decoded token: where it is, its text and its classes. */
    record Tok(int line, int col, String text, String type, List<String> modifiers) {
    }

    @TempDir
    Path dir;

    private LanguageServer server;
    private InitializeResult init;
    private String uri;
    private Pipes.Connection connection;

    @BeforeEach
    void start() throws Exception {
        connection = Pipes.connect(new Client());
        server = connection.server();
        InitializeParams params = new InitializeParams();
        params.setRootUri(dir.toUri().toString());
        init = server.initialize(params).get(30, TimeUnit.SECONDS);
        server.initialized(new org.eclipse.lsp4j.InitializedParams());
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
    }

    private void open(String text) throws Exception {
        Path file = dir.resolve("main.k");
        Files.writeString(file, text);
        uri = file.toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "skiff", 1, text)));
    }

    private List<Tok> decode(String text, List<Integer> data) {
        SemanticTokensLegend legend = init.getCapabilities().getSemanticTokensProvider().getLegend();
        String[] lines = text.split("\n", -1);
        List<Tok> out = new ArrayList<>();
        int line = 0;
        int col = 0;
        assertThat(data.size() % 5).isZero();
        for (int i = 0; i < data.size(); i += 5) {
            int dl = data.get(i);
            line += dl;
            col = dl == 0 ? col + data.get(i + 1) : data.get(i + 1);
            int len = data.get(i + 2);
            assertThat(len).isPositive();
            assertThat(col + len).as("token within its line").isLessThanOrEqualTo(lines[line].length());
            List<String> mods = new ArrayList<>();
            for (int b = 0; b < legend.getTokenModifiers().size(); b++) {
                if ((data.get(i + 4) & (1 << b)) != 0) {
                    mods.add(legend.getTokenModifiers().get(b));
                }
            }
            out.add(new Tok(line, col, lines[line].substring(col, col + len),
                    legend.getTokenTypes().get(data.get(i + 3)), mods));
        }
        return out;
    }

    private List<Tok> tokens(String text) throws Exception {
        var r = server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(uri)))
                .get(10, TimeUnit.SECONDS);
        return decode(text, r.getData());
    }

    /** The token with this text on the first line containing {@code lineMarker}. */
    private static Tok tok(List<Tok> toks, String text, String lineMarker, String tokenText) {
        int line = lineOf(text, lineMarker);
        return toks.stream().filter(t -> t.line() == line && t.text().equals(tokenText)).findFirst()
                .orElseThrow(() -> new AssertionError("no token `" + tokenText + "` on line " + line + ": " + toks.stream()
                        .filter(t -> t.line() == line).toList()));
    }

    private static int lineOf(String text, String marker) {
        int offset = text.indexOf(marker);
        assertThat(offset).as(marker).isNotNegative();
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    }

    private static Position at(String text, String marker, int delta) {
        int offset = text.indexOf(marker) + delta;
        String before = text.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count();
        return new Position(line, offset - before.lastIndexOf('\n') - 1);
    }

    private static void is(Tok t, String type, String... modifiers) {
        assertThat(t.type()).as(t.toString()).isEqualTo(type);
        if (modifiers.length > 0) {
            assertThat(t.modifiers()).as(t.toString()).contains(modifiers);
        }
    }

    @Test
    void legendIsAdvertised() {
        var provider = init.getCapabilities().getSemanticTokensProvider();
        assertThat(provider.getLegend().getTokenTypes()).contains("keyword", "string", "number", "comment", "operator",
                "namespace", "type", "property", "variable", "function", "parameter", "decorator");
        assertThat(provider.getLegend().getTokenModifiers()).containsExactly("declaration", "readonly", "defaultLibrary");
        assertThat(init.getCapabilities().getSignatureHelpProvider().getTriggerCharacters()).contains("(", ",");
    }

    @Test
    void tokensOfARealisticFile() throws Exception {
        open(APP);
        List<Tok> t = tokens(APP);
        is(tok(t, APP, "import k8s", "import"), "keyword");
        is(tok(t, APP, "import k8s", "k8s"), "namespace");
        assertThat(t.stream().filter(x -> x.line() == 0 && x.text().equals("apps")).map(Tok::modifiers))
                .containsExactly(List.of(), List.of("declaration"));
        is(tok(t, APP, "import math", "math"), "namespace", "declaration");
        is(tok(t, APP, "# a service", "# a service with a port"), "comment");
        is(tok(t, APP, "schema Service", "schema"), "keyword");
        is(tok(t, APP, "schema Service", "Service"), "type", "declaration");
        is(tok(t, APP, "schema Service", "prefix"), "parameter", "declaration");
        is(tok(t, APP, "schema Service", "str"), "type", "defaultLibrary");
        is(tok(t, APP, "\"\"\"A service", "\"\"\"A service.\"\"\""), "string");
        is(tok(t, APP, "    name: str", "name"), "property", "declaration");
        is(tok(t, APP, "port: int = 8080", "8080"), "number");
        is(tok(t, APP, "port: int = 8080", "="), "operator");
        is(tok(t, APP, "replicas?: int", "?"), "operator");
        is(tok(t, APP, "check:", "check"), "keyword");
        is(tok(t, APP, "port > 0", "port"), "property");
        is(tok(t, APP, "port > 0", ">"), "operator");
        is(tok(t, APP, "port > 0", "\"port must be positive\""), "string");
        is(tok(t, APP, "len(name)", "len"), "function", "defaultLibrary");
        is(tok(t, APP, "len(name)", "name"), "property");
        is(tok(t, APP, "double = lambda", "double"), "function", "declaration");
        is(tok(t, APP, "double = lambda", "lambda"), "keyword");
        is(tok(t, APP, "double = lambda", "x"), "parameter", "declaration");
        is(tok(t, APP, "double = lambda", "->"), "operator");
        is(tok(t, APP, "x * factor", "factor"), "parameter");
        is(tok(t, APP, "web = Service", "web"), "variable", "declaration", "readonly");
        is(tok(t, APP, "web = Service", "Service"), "type");
        is(tok(t, APP, "web = Service", "\"team\""), "string");
        is(tok(t, APP, "web = Service", "name"), "property");
        // interpolation: the string around the hole, the names inside it as themselves
        is(tok(t, APP, "label = ", "\"app-${"), "string");
        is(tok(t, APP, "label = ", "web"), "variable", "readonly");
        is(tok(t, APP, "label = ", "name"), "property");
        is(tok(t, APP, "label = ", "}\""), "string");
        is(tok(t, APP, "deployment = apps", "apps"), "namespace");
        is(tok(t, APP, "deployment = apps", "Deployment"), "type");
        is(tok(t, APP, "metadata.name = web.name", "metadata"), "property");
        is(tok(t, APP, "metadata.name = web.name", "web"), "variable");
        is(tok(t, APP, "replicas = double(1)", "replicas"), "property");
        is(tok(t, APP, "replicas = double(1)", "double"), "function");
        is(tok(t, APP, "replicas = double(1)", "1"), "number");
        is(tok(t, APP, "template.spec.containers", "containers"), "property");
        is(tok(t, APP, "512Mi", "512Mi"), "number");
        is(tok(t, APP, "big = math", "math"), "namespace");
        is(tok(t, APP, "big = math", "log"), "function", "defaultLibrary");
        is(tok(t, APP, "big = math", "100.0"), "number");
    }

    @Test
    void decoratorsTypeAliasesAndLoops() throws Exception {
        String text = """
                type Port = int
                @deprecated
                schema Old:
                    port: Port
                ports = [p + 1 for p in [1, 2]]
                ok = all p in ports { p > 0 }
                """;
        open(text);
        List<Tok> t = tokens(text);
        is(tok(t, text, "type Port", "type"), "keyword");
        is(tok(t, text, "type Port", "Port"), "type", "declaration");
        is(tok(t, text, "type Port", "int"), "type", "defaultLibrary");
        is(tok(t, text, "@deprecated", "@"), "decorator");
        is(tok(t, text, "@deprecated", "deprecated"), "decorator");
        is(tok(t, text, "port: Port", "Port"), "type");
        is(tok(t, text, "ports = [", "for"), "keyword");
        is(tok(t, text, "ports = [", "p"), "variable");
        is(tok(t, text, "ok = all", "all"), "keyword");
    }

    @Test
    void rangeRequestReturnsOnlyTokensInTheRange() throws Exception {
        open(APP);
        int line = lineOf(APP, "big = math");
        var r = server.getTextDocumentService().semanticTokensRange(new SemanticTokensRangeParams(
                new TextDocumentIdentifier(uri), new Range(new Position(line, 0), new Position(line + 1, 0))))
                .get(10, TimeUnit.SECONDS);
        List<Tok> t = decode(APP, r.getData());
        assertThat(t).extracting(Tok::text).containsExactly("big", "=", "math", "log", "100.0", "10");
        assertThat(t).allMatch(x -> x.line() == line);
    }

    @Test
    void brokenCodeFallsBackToLexicalClasses() throws Exception {
        String text = "import math\nschema S:\n    a: int = (\n    b: \"unterminated\nx = len(math.\n\"\"\"never closed\n";
        open(text);
        List<Tok> t = tokens(text);
        assertThat(t).isNotEmpty();
        is(tok(t, text, "schema S", "schema"), "keyword");
        is(tok(t, text, "x = len", "len"), "function");
        // every prefix of a real file, as it is typed
        for (int i = 0; i < APP.length(); i += 11) {
            String prefix = APP.substring(0, i);
            open(prefix);
            decode(prefix, server.getTextDocumentService().semanticTokensFull(
                    new SemanticTokensParams(new TextDocumentIdentifier(uri))).get(10, TimeUnit.SECONDS).getData());
        }
    }

    @Test
    void columnsAreUtf16AfterCharactersOutsideTheBmp() throws Exception {
        String text = "x = 1\ns = \"\uD83D\uDE00 ${x}\" + str(x) # \u00e9 \uD83D\uDE00\ny = x\n";
        open(text);
        List<Tok> t = tokens(text);
        is(tok(t, text, "s = ", "x"), "variable", "readonly");
        is(tok(t, text, "s = ", "str"), "function", "defaultLibrary");
        is(tok(t, text, "s = ", "# \u00e9 \uD83D\uDE00"), "comment");
        is(tok(t, text, "y = x", "y"), "variable", "declaration");
    }

    @Test
    void multiLineStringsAreOneTokenPerLine() throws Exception {
        String text = "s = \"\"\"\n  one\n  two\n\"\"\"\n";
        open(text);
        List<Tok> t = tokens(text);
        assertThat(t.stream().filter(x -> x.type().equals("string")).map(Tok::text))
                .containsExactly("\"\"\"", "  one", "  two", "\"\"\"");
    }

    // ---------------------------------------------------------------- signature help

    private SignatureHelp sig(String text, String marker, int delta) throws Exception {
        return server.getTextDocumentService().signatureHelp(new SignatureHelpParams(new TextDocumentIdentifier(uri),
                at(text, marker, delta))).get(10, TimeUnit.SECONDS);
    }

    private static String activeParam(SignatureHelp h) {
        var s = h.getSignatures().get(h.getActiveSignature());
        int i = h.getActiveParameter();
        if (i < 0 || i >= s.getParameters().size()) {
            return null;
        }
        var label = s.getParameters().get(i).getLabel().getRight();
        return s.getLabel().substring(label.getFirst(), label.getSecond());
    }

    @Test
    void signatureOfBuiltinsFollowsCommasAtTheirOwnLevel() throws Exception {
        String text = "a = sorted([3, 1, 2], reverse = True)\nb = round(len([1, 2]), \nc = print(1, 2, end = \"\")\n";
        open(text);
        SignatureHelp h = sig(text, "sorted([3", "sorted(".length());
        assertThat(h.getSignatures().get(0).getLabel()).startsWith("sorted(iterable");
        assertThat(activeParam(h)).startsWith("iterable");
        // the commas inside the list are not the call's
        assertThat(activeParam(sig(text, "1, 2]", 3))).startsWith("iterable");
        assertThat(activeParam(sig(text, "reverse = True", "reverse = ".length()))).startsWith("reverse");
        // inside the inner call, `len`; after it, `round`'s second parameter
        assertThat(sig(text, "len([1", 4).getSignatures().get(0).getLabel()).startsWith("len(");
        SignatureHelp r = sig(text, "len([1, 2]), ", "len([1, 2]), ".length());
        assertThat(r.getSignatures().get(0).getLabel()).startsWith("round(");
        assertThat(activeParam(r)).startsWith("ndigits");
        // `*args` collects the positional arguments, a keyword picks its parameter
        assertThat(activeParam(sig(text, "print(1, 2", "print(1, 2".length()))).isEqualTo("*args");
        assertThat(activeParam(sig(text, "end = ", "end = ".length()))).startsWith("end");
        // outside any call: nothing
        assertThat(sig(text, "a = sorted", 1)).isNull();
    }

    @Test
    void signatureOfSystemModuleFunctionsOnlyWhenImported() throws Exception {
        String text = "import regex\nimport base64 as b64\nx = regex.match(\"abc\", \ny = b64.encode(\nz = math.log(\n";
        open(text);
        SignatureHelp h = sig(text, "match(\"abc\", ", "match(\"abc\", ".length());
        assertThat(h.getSignatures().get(0).getLabel()).startsWith("regex.match(string: str, pattern: str)");
        assertThat(activeParam(h)).startsWith("pattern");
        assertThat(sig(text, "b64.encode(", "b64.encode(".length()).getSignatures().get(0).getLabel())
                .startsWith("base64.encode(value");
        assertThat(sig(text, "math.log(", "math.log(".length())).isNull(); // `math` is not imported
    }

    @Test
    void signatureOfLambdasSchemasAndStringMethods() throws Exception {
        String text = """
                schema S[a: int, b: str = "x"]:
                    v: int = a
                    scale: (int) -> int = lambda k: int { k * a }
                    w = scale(2)
                add = lambda x: int, y: int = 1 -> int {
                    x + y
                }
                s = S(1, b = "y") {}
                n = add(1,\s
                u = "abc".replace("a",\s
                """;
        open(text);
        SignatureHelp schema = sig(text, "S(1, b", "S(1, ".length());
        assertThat(schema.getSignatures().get(0).getLabel()).isEqualTo("S(a: int, b: str = \"x\")");
        assertThat(activeParam(schema)).isEqualTo("b: str = \"x\"");
        assertThat(activeParam(sig(text, "S(1, b", "S(".length()))).isEqualTo("a: int");
        assertThat(sig(text, "scale(2", "scale(".length()).getSignatures().get(0).getLabel()).isEqualTo("scale(k: int)");
        SignatureHelp lambda = sig(text, "add(1, ", "add(1, ".length());
        assertThat(lambda.getSignatures().get(0).getLabel()).isEqualTo("add(x: int, y: int = 1) -> int");
        assertThat(activeParam(lambda)).isEqualTo("y: int = 1");
        SignatureHelp method = sig(text, "replace(\"a\", ", "replace(\"a\", ".length());
        assertThat(method.getSignatures().get(0).getLabel()).startsWith("replace(old: str, new: str");
        assertThat(activeParam(method)).isEqualTo("new: str");
    }

    @Test
    void commasAndParenthesesInStringsAndCommentsDoNotCount() throws Exception {
        String text = "a = sorted(\"x, (y\", \nb = sorted(\"x, y\nc = sorted(x # not, here\n";
        open(text);
        assertThat(activeParam(sig(text, "(y\", ", "(y\", ".length()))).startsWith("reverse");
        assertThat(activeParam(sig(text, "\"x, y\n", "\"x, y".length()))).startsWith("iterable");
        assertThat(sig(text, "not, here", "not, here".length())).isNull();
    }

    @Test
    void rangeOverloadFollowsTheArgumentCount() throws Exception {
        String text = "r = range(1, 10, \n";
        open(text);
        SignatureHelp h = sig(text, "range(1, 10, ", "range(1, 10, ".length());
        assertThat(h.getSignatures()).hasSize(2);
        assertThat(h.getSignatures().get(h.getActiveSignature()).getLabel()).startsWith("range(start");
        assertThat(activeParam(h)).startsWith("step");
    }

    @Test
    void everyWrittenSignatureNamesAFunctionTheLibraryHas() {
        for (String b : Signatures.BUILTINS.keySet()) {
            assertThat(dev.skiff.eval.lib.Library.builtin(b)).as(b).isPresent();
        }
        for (String m : Signatures.STRING_METHODS.keySet()) {
            assertThat(dev.skiff.eval.lib.Library.stringMethod(m)).as(m).isPresent();
        }
        for (String f : Signatures.MODULES.keySet()) {
            String module = f.substring(0, f.indexOf('.'));
            var mod = dev.skiff.eval.lib.Library.systemModule(module);
            assertThat(mod).as(module).isPresent();
            assertThat(mod.get().members()).as(f).containsKey(f.substring(f.indexOf('.') + 1));
        }
        // and every builtin has a signature
        assertThat(Signatures.BUILTINS.keySet()).containsAll(dev.skiff.eval.lib.Library.builtinNames());
    }

    /** A client that accepts everything. */
    private static final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams d) {
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }
}
