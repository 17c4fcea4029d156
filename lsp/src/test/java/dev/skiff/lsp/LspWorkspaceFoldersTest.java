package dev.skiff.lsp;

import static dev.skiff.lsp.LspTestClient.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a kcl.mod, the workspace folders bound the project; the files of one directory share their names. */
class LspWorkspaceFoldersTest {
    @TempDir
    Path dir;

    @Test
    void namesOfSiblingFilesAreFoundAndOtherFoldersAreLeftAlone() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        String x = "base = 1\n";
        String y = "doubled = base * 2\n";
        Files.writeString(a.resolve("x.k"), x);
        Files.writeString(a.resolve("y.k"), y);
        Files.writeString(b.resolve("z.k"), "z = base\n");
        try (LspTestClient client = new LspTestClient(a, b)) {
            String yUri = client.open(a.resolve("y.k"), y);
            List<? extends Location> def = client.server.getTextDocumentService().definition(new DefinitionParams(
                    new TextDocumentIdentifier(yUri), at(y, "base", 1))).get(10, TimeUnit.SECONDS).getLeft();
            assertThat(def).singleElement().satisfies(l -> assertThat(l.getUri()).isEqualTo(a.resolve("x.k").toUri().toString()));
            String xUri = client.open(a.resolve("x.k"), x);
            List<? extends Location> refs = client.server.getTextDocumentService().references(new ReferenceParams(
                    new TextDocumentIdentifier(xUri), at(x, "base", 1), new ReferenceContext(true))).get(10, TimeUnit.SECONDS);
            assertThat(refs).extracting(Location::getUri).containsExactlyInAnyOrder(xUri, yUri);
        }
    }
}
