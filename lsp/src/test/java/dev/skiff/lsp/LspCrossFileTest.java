package dev.skiff.lsp;

import static dev.skiff.lsp.LspTestClient.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Definition, references and rename across a project's files and into the stdlib, through the protocol. */
class LspCrossFileTest {
    private static final String TEAMS = """
            schema Team:
                name: str
                size: int = 3

            default_size = 3
            """;
    private static final String MAIN = """
            import lib.teams as t
            import skiff.app as app

            platform = t.Team {name = "platform", size = t.default_size}
            other = t.Team {name = "other"}
            label = platform.name
            shop = app.App {
                name = "shop"
                image = "shop:1"
            }
            """;
    private static final String PROD = """
            import lib.teams

            prod = teams.Team {name = "prod"}
            """;

    @TempDir
    Path dir;
    private LspTestClient client;
    private Path teams;
    private Path main;
    private Path prod;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("kcl.mod"), "[package]\nname = \"demo\"\n");
        teams = dir.resolve("lib/teams.k");
        main = dir.resolve("main.k");
        prod = dir.resolve("env/prod.k");
        Files.createDirectories(teams.getParent());
        Files.createDirectories(prod.getParent());
        Files.writeString(teams, TEAMS);
        Files.writeString(prod, PROD);
        client = new LspTestClient(dir);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    private static String uri(Path p) {
        return p.toUri().toString();
    }

    private List<? extends Location> definition(String uri, Position p) throws Exception {
        return client.server.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri), p))
                .get(10, TimeUnit.SECONDS).getLeft();
    }

    private WorkspaceEdit rename(String uri, Position p, String name) throws Exception {
        return client.server.getTextDocumentService().rename(new RenameParams(new TextDocumentIdentifier(uri), p, name))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void anErrorInAnImportedPackageIsShownOnItsImportPointingAtThePlace() throws Exception {
        Files.writeString(teams, TEAMS + "\nlabel = lambda t: Team -> str {\n    t.name + sufix\n}\n");
        String m = client.open(main, MAIN);
        List<org.eclipse.lsp4j.Diagnostic> found = client.diagnostics(m);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.getMessage()).contains("lib/teams.k:8:14").contains("name `sufix` is not defined");
            assertThat(d.getRange().getStart()).isEqualTo(at(MAIN, "lib.teams", 0));
            assertThat(d.getRelatedInformation()).singleElement().satisfies(r -> {
                assertThat(r.getLocation().getUri()).isEqualTo(uri(teams));
                assertThat(r.getLocation().getRange().getStart()).isEqualTo(new Position(7, 13));
            });
        });
    }

    @Test
    void definitionJumpsIntoTheImportedModule() throws Exception {
        String m = client.open(main, MAIN);
        List<? extends Location> schema = definition(m, at(MAIN, "t.Team {name = \"platform\"", 3));
        assertThat(schema).singleElement().satisfies(l -> {
            assertThat(l.getUri()).isEqualTo(uri(teams));
            assertThat(l.getRange().getStart()).isEqualTo(at(TEAMS, "Team:", 0));
        });
        List<? extends Location> variable = definition(m, at(MAIN, "t.default_size", 4));
        assertThat(variable.get(0).getUri()).isEqualTo(uri(teams));
        assertThat(variable.get(0).getRange().getStart()).isEqualTo(at(TEAMS, "default_size", 0));
        List<? extends Location> attr = definition(m, at(MAIN, "name = \"platform\"", 1));
        assertThat(attr.get(0).getUri()).isEqualTo(uri(teams));
        assertThat(attr.get(0).getRange().getStart()).isEqualTo(at(TEAMS, "name: str", 0));
        List<? extends Location> module = definition(m, at(MAIN, "lib.teams", 2));
        assertThat(module.get(0).getUri()).isEqualTo(uri(teams));
    }

    @Test
    void definitionOfAStdlibNameOpensAReadOnlyCopyOfItsSource() throws Exception {
        String m = client.open(main, MAIN);
        List<? extends Location> def = definition(m, at(MAIN, "app.App", 5));
        assertThat(def).hasSize(1);
        Path file = Path.of(java.net.URI.create(def.get(0).getUri()));
        String text = Files.readString(file);
        assertThat(text).contains("schema App(Container):");
        assertThat(Files.getPosixFilePermissions(file)).doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(def.get(0).getRange().getStart()).isEqualTo(at(text, "App(Container):", 0));
        // an attribute inherited from the stdlib's `Container`
        List<? extends Location> image = definition(m, at(MAIN, "image = \"shop:1\"", 1));
        assertThat(image.get(0).getUri()).isEqualTo(def.get(0).getUri());
    }

    @Test
    void referencesOfASchemaCoverEveryFileOfTheProject() throws Exception {
        client.open(main, MAIN);
        String t = client.open(teams, TEAMS);
        List<? extends Location> refs = client.server.getTextDocumentService().references(new ReferenceParams(
                new TextDocumentIdentifier(t), at(TEAMS, "Team:", 1), new ReferenceContext(true))).get(10, TimeUnit.SECONDS);
        assertThat(refs).extracting(Location::getUri).containsExactlyInAnyOrder(uri(teams), uri(main), uri(main), uri(prod));
        List<? extends Location> withoutDecl = client.server.getTextDocumentService().references(new ReferenceParams(
                new TextDocumentIdentifier(t), at(TEAMS, "Team:", 1), new ReferenceContext(false))).get(10, TimeUnit.SECONDS);
        assertThat(withoutDecl).hasSize(3);
    }

    @Test
    void renameOfAnAttributeEditsKeysAndSelectionsInEveryFileUsingTheUnsavedBuffer() throws Exception {
        String unsaved = MAIN + "again = t.Team {name = \"again\"}\n";
        String m = client.open(main, MAIN);
        client.replace(m, unsaved); // not saved: the disk still has MAIN
        String t = client.open(teams, TEAMS);
        WorkspaceEdit edit = rename(t, at(TEAMS, "name: str", 1), "title");
        Map<String, List<TextEdit>> changes = edit.getChanges();
        assertThat(changes.keySet()).containsExactlyInAnyOrder(uri(teams), uri(main), uri(prod));
        assertThat(LspTestClient.apply(TEAMS, changes.get(uri(teams)))).contains("title: str");
        String newMain = LspTestClient.apply(unsaved, changes.get(uri(main)));
        assertThat(newMain).contains("t.Team {title = \"platform\"", "t.Team {title = \"other\"}", "label = platform.title",
                "t.Team {title = \"again\"}").contains("name = \"shop\""); // the stdlib App's own `name` is untouched
        assertThat(LspTestClient.apply(PROD, changes.get(uri(prod)))).contains("teams.Team {title = \"prod\"}");
    }

    @Test
    void renameOfAnImportedVariableEditsItsDeclarationAndTheAliasedUses() throws Exception {
        String m = client.open(main, MAIN);
        WorkspaceEdit edit = rename(m, at(MAIN, "t.default_size", 3), "base_size");
        assertThat(LspTestClient.apply(TEAMS, edit.getChanges().get(uri(teams)))).contains("base_size = 3");
        assertThat(LspTestClient.apply(MAIN, edit.getChanges().get(uri(main)))).contains("size = t.base_size}");
    }

    @Test
    void renameRefusesStdlibAndKubernetesNamesAndInvalidNames() throws Exception {
        String m = client.open(main, MAIN);
        assertRefused(() -> rename(m, at(MAIN, "app.App", 5), "Application"), "stdlib");
        assertRefused(() -> rename(m, at(MAIN, "platform =", 1), "schema"), "keyword");
        assertRefused(() -> rename(m, at(MAIN, "platform =", 1), "1st"), "not a valid name");
        String k8s = "import k8s.api.apps.v1 as apps\n\nd = apps.Deployment {spec.replicas = 1}\n";
        String k = client.open(dir.resolve("k.k"), k8s);
        assertRefused(() -> rename(k, at(k8s, "spec.replicas", 1), "specification"), "Kubernetes");
        assertRefused(() -> client.server.getTextDocumentService().prepareRename(new PrepareRenameParams(
                new TextDocumentIdentifier(m), at(MAIN, "app.App", 5))).get(10, TimeUnit.SECONDS), "stdlib");
    }

    @Test
    void prepareRenameAnswersTheNameAndItsRange() throws Exception {
        String m = client.open(main, MAIN);
        var r = client.server.getTextDocumentService().prepareRename(new PrepareRenameParams(
                new TextDocumentIdentifier(m), at(MAIN, "t.Team {name = \"other\"", 3))).get(10, TimeUnit.SECONDS);
        assertThat(r.getSecond().getPlaceholder()).isEqualTo("Team");
        assertThat(r.getSecond().getRange().getStart()).isEqualTo(at(MAIN, "Team {name = \"other\"", 0));
    }

    @Test
    void filesChangedOnDiskReanalyseTheOpenDocuments() throws Exception {
        for (int i = 0; i < 100 && client.registrations.isEmpty(); i++) {
            Thread.sleep(50); // `initialized` is a notification: the registration follows it asynchronously
        }
        assertThat(client.registrations).singleElement().satisfies(r -> assertThat(r.getRegistrations().get(0).getMethod())
                .isEqualTo("workspace/didChangeWatchedFiles"));
        String text = "import lib.teams as t\n\nx = t.Team {name = \"x\", extra = 1}\n";
        String m = client.open(main, text);
        assertThat(client.diagnostics(m)).isNotEmpty();
        Files.writeString(teams, TEAMS.replace("size: int = 3", "size: int = 3\n    extra?: int"));
        client.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(uri(teams), FileChangeType.Changed))));
        assertThat(client.nextDiagnostics(m)).isEmpty();
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static void assertRefused(Call call, String message) {
        assertThatThrownBy(call::run).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ResponseErrorException.class).hasMessageContaining(message);
    }
}
