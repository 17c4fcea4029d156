package dev.skiff.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.Analysis;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.modules.ParseCache;
import dev.skiff.resolve.Symbol;
import dev.skiff.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a name at a position stands for: dotted config keys at any depth, qualified names, attributes read
 * through function results and comprehension variables. A {@code ‸} in the text marks the position.
 */
class OccurrencesTest {
    @TempDir
    Path dir;

    /** The target at the marker of {@code text} (the marker removed before analysing). */
    private Occurrences.Target at(String text) throws IOException {
        int offset = text.indexOf('‸');
        Path main = dir.resolve("main.k");
        Files.writeString(main, text.replace("‸", ""));
        Analysis a = Skiff.analyze(CompileRequest.of(main).withWorkDir(dir), ParseCache.NONE);
        SourceFile file = a.program().main().units().get(0).file();
        Occurrences.Occurrence o = a.occurrences().at(file, offset);
        return o == null ? null : o.target();
    }

    private static String attribute(Occurrences.Target t) {
        return t instanceof Occurrences.Target.Attribute a ? a.owner().name() + "." + a.attribute().name() : String.valueOf(t);
    }

    private static final String DEPLOYMENT = """
            import k8s.api.apps.v1 as apps

            d = apps.Deployment {
                metadata.name = "web"
                spec = {
                    selector.matchLabels.app = "web"
                    template.spec.containers = [{name = "web", image = "nginx"}]
                }
            }
            """;

    @Test
    void everyPartOfADottedKeyIsAnAttribute() throws IOException {
        assertThat(attribute(at(DEPLOYMENT.replace("metadata.name", "meta‸data.name")))).isEqualTo("Deployment.metadata");
        assertThat(attribute(at(DEPLOYMENT.replace("metadata.name", "metadata.na‸me")))).isEqualTo("ObjectMeta.name");
        assertThat(attribute(at(DEPLOYMENT.replace("selector.matchLabels", "selector.match‸Labels"))))
                .isEqualTo("LabelSelector.matchLabels");
        assertThat(attribute(at(DEPLOYMENT.replace("{name = \"web\"", "{na‸me = \"web\"")))).isEqualTo("Container.name");
    }

    @Test
    void aQualifiedSchemaNameIsItsKubernetesType() throws IOException {
        Occurrences.Target t = at(DEPLOYMENT.replace("apps.Deployment", "apps.Deploy‸ment"));
        assertThat(t).isInstanceOfSatisfying(Occurrences.Target.Of.class, o -> {
            assertThat(o.symbol().kind()).isEqualTo(Symbol.Kind.KUBERNETES_TYPE);
            assertThat(o.symbol().name()).isEqualTo("Deployment");
        });
    }

    @Test
    void attributesThroughFunctionResultsAndComprehensionVariables() throws IOException {
        String program = """
                schema Person:
                    name: str
                    age?: int

                make = lambda n: str { Person {name = n} }
                who = make("a").name
                people: [Person] = [Person {name = "b"}]
                names = [p.name for p in people]
                """;
        assertThat(attribute(at(program.replace("make(\"a\").name", "make(\"a\").na‸me")))).isEqualTo("Person.name");
        assertThat(attribute(at(program.replace("[p.name for", "[p.na‸me for")))).isEqualTo("Person.name");
    }
}
