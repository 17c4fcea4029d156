package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skiff check} over many packages compiles them at once, on every processor, sharing what they import
 * (a library package, the Kubernetes types): its report is exactly what checking each package alone reports,
 * in the order the packages were named, the same on every run.
 */
class CheckManyPackagesIT {
    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    @Test
    void reportsWhatEachPackageAloneReportsInTheOrderNamed() throws Exception {
        write("kcl.mod", "[package]\nname = \"many\"\nversion = \"0.1.0\"\n");
        write("lib/lib.k", """
                schema Service:
                    name: str
                    port: int = 8080

                    check:
                        1 <= port <= 65535, "port out of range"

                labels = lambda s: Service -> {str:str} {
                    {"app.kubernetes.io/name" = s.name}
                }
                """);
        List<String> packages = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String name = "apps/app-%02d".formatted(i);
            packages.add(name);
            // every third package has a mistake: a wrong type, a failed check, an unknown attribute
            String replicas = i % 3 == 0 ? "\"two\"" : "2";
            String port = i % 3 == 1 && i > 1 ? "70000" : "80" + i;
            String extra = i % 3 == 2 && i > 2 ? "\n        replica = 1" : "";
            write(name + "/main.k", """
                    import k8s.api.apps.v1 as apps
                    import lib

                    _svc = lib.Service {name = "app-%02d", port = %s}

                    deployment = apps.Deployment {
                        metadata = {name = _svc.name, labels = lib.labels(_svc)}
                        spec = {
                            replicas = %s%s
                            selector.matchLabels = lib.labels(_svc)
                            template.spec.containers = [{name = _svc.name, image = "nginx"}]
                        }
                    }
                    """.formatted(i, port, replicas, extra));
        }
        List<String> args = new ArrayList<>(List.of("check"));
        packages.forEach(p -> args.add(p + "/main.k"));
        CliIT.Run all = CliIT.skiff(dir, args.toArray(String[]::new));
        assertThat(all.exit()).isEqualTo(1);

        StringBuilder alone = new StringBuilder();
        long errors = 0;
        for (String p : packages) {
            CliIT.Run one = CliIT.skiff(dir, "check", p + "/main.k");
            String report = withoutCount(one.err());
            errors += report.lines().filter(l -> l.contains(": error[")).count();
            alone.append(report);
        }
        assertThat(errors).isEqualTo(8);
        assertThat(withoutCount(all.err())).isEqualTo(alone.toString());
        assertThat(all.err()).endsWith(errors + " errors found\n");
        assertThat(CliIT.skiff(dir, args.toArray(String[]::new)).err()).isEqualTo(all.err());
    }

    /** The report without its summary line ({@code checked 3 programs (2 Kubernetes objects): 1 error found}). */
    private static String withoutCount(String report) {
        return report.replaceAll("(?m)^checked \\d+ programs? .*\\n", "");
    }
}
