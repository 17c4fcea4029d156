package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack laid out as konfig's are, run with {@code skiff run} in its directory and from outside: the library is a
 * path dependency whose own files import each other absolutely (from the library's root: each file's imports
 * resolve through the nearest {@code kcl.mod} above it, as in KCL), the stack sits inside the
 * library's checkout, its {@code kcl.mod} entries name the library's renderer through {@code ${platform:KCL_MOD}},
 * and the renderer finds the stack's applications with {@code instances()} although they are declared with
 * {@code :} in two files. Besides, a directory's {@code kcl.yaml} is read as {@code kcl run} reads it.
 */
class KclStacksIT {
    @TempDir
    Path dir;

    private RepositoryIT.Run skiff(Path cwd, String script) throws Exception {
        RepositoryIT helper = new RepositoryIT();
        helper.dir = dir;
        return helper.sh(cwd, script);
    }

    private void write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void aStackInsideItsLibraryRendersTheApplicationsItDeclares() throws Exception {
        write("platform/kcl.mod", "[package]\nname = \"platform\"\n");
        write("platform/models/app.k", """
                import models.defaults

                schema App:
                    name: str
                    image: str
                    replicas: int = defaults.replicas
                """);
        write("platform/models/defaults.k", "replicas = 1\n_private_note = \"read by the renderer\"\n");
        write("platform/render/render.k", """
                import models.app
                import models.defaults
                import manifests

                _apps = [a for a in app.App.instances()]
                manifests.yaml_stream([{
                    kind = "Deployment"
                    metadata.name = a.name
                    metadata.annotations.note = defaults._private_note
                    spec.replicas = a.replicas
                    spec.image = a.image
                } for a in _apps])
                """);
        write("platform/stacks/shop/base/base.k", """
                import platform.models.app

                shop: app.App {
                    name = "shop"
                    image = "shop:1"
                }
                """);
        // as in konfig, the application's directory has a kcl.mod of its own, through which base.k names the library
        write("platform/stacks/shop/kcl.mod", "[package]\nname = \"shop\"\n\n[dependencies]\nplatform = { path = \"../..\" }\n");
        write("platform/stacks/shop/prod/main.k", """
                import platform.models.app

                shop: app.App {
                    replicas = 3
                }
                """);
        write("platform/stacks/shop/prod/kcl.mod", """
                [package]
                name = "shop-prod"

                [dependencies]
                platform = { path = "../../.." }

                [profile]
                entries = ["../base/base.k", "main.k", "${platform:KCL_MOD}/render/render.k"]
                """);
        String expected = """
                kind: Deployment
                metadata:
                  name: shop
                  annotations:
                    note: read by the renderer
                spec:
                  replicas: 3
                  image: shop:1
                """;
        RepositoryIT.Run inStack = skiff(dir.resolve("platform/stacks/shop/prod"), "skiff run");
        assertThat(inStack.exit()).as(inStack.err()).isZero();
        assertThat(inStack.out()).isEqualTo(expected);
        RepositoryIT.Run fromOutside = skiff(dir, "skiff run platform/stacks/shop/prod");
        assertThat(fromOutside.exit()).as(fromOutside.err()).isZero();
        assertThat(fromOutside.out()).isEqualTo(expected);
    }

    @Test
    void anEntryNamingAnUnknownPackageIsReported() throws Exception {
        write("stack/main.k", "a = 1\n");
        write("stack/kcl.mod", "[package]\nname = \"s\"\n\n[profile]\nentries = [\"main.k\", \"${lib:KCL_MOD}/render.k\"]\n");
        RepositoryIT.Run r = skiff(dir.resolve("stack"), "skiff run");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("the entry `${lib:KCL_MOD}/render.k`")
                .contains("names a package that is not a path dependency");
    }

    @Test
    void aDirectorysKclYamlIsReadUnlessSettingsOrFilesAreNamed() throws Exception {
        write("app/main.k", "env = option(\"env\")\n");
        write("app/render.k", "rendered = \"for \" + env\n");
        write("app/kcl.yaml", """
                kcl_cli_configs:
                  files: [main.k, render.k]
                kcl_options:
                  - key: env
                    value: prod
                """);
        RepositoryIT.Run here = skiff(dir.resolve("app"), "skiff run");
        assertThat(here.exit()).as(here.err()).isZero();
        assertThat(here.out()).isEqualTo("env: prod\nrendered: for prod\n");
        RepositoryIT.Run named = skiff(dir, "skiff run app");
        assertThat(named.out()).isEqualTo("env: prod\nrendered: for prod\n");
        RepositoryIT.Run file = skiff(dir.resolve("app"), "skiff run main.k -D env=dev");
        assertThat(file.out()).isEqualTo("env: dev\n");
    }

    @Test
    void aSettingsFileThatIsNotSettingsIsRefused() throws Exception {
        write("main.k", "a = option(\"key\")\n");
        write("list.yaml", "kcl_options:\n  key: key\n  value: value\n");
        write("scalar.yaml", "1\n");
        for (String f : new String[] {"list.yaml", "scalar.yaml"}) {
            RepositoryIT.Run r = skiff(dir, "skiff run main.k -Y " + f);
            assertThat(r.exit()).as(f).isEqualTo(2);
            assertThat(r.err()).contains("cannot read the settings file `" + f + "`: invalid setting file format");
        }
    }
}
