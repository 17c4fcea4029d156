package dev.skiff.diag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineRendererTest {
    private final SourceFile file = SourceFile.ofString("app/main.k", "replicas = 3\nx = replicaz + 1\n");
    private final Diagnostic diagnostic = Diagnostic.error(Code.E0201, Span.of(file, 17, 25),
                    "name `replicaz` is not defined")
            .withLabel(Span.of(file, 0, 8), "`replicas` is defined here")
            .withHint("did you mean `replicas`?");

    @Test
    void jsonHasPositionsCodesLabelsAndCounts() throws Exception {
        JsonNode root = new ObjectMapper().readTree(MachineRenderer.json(List.of(diagnostic)));
        JsonNode d = root.get("diagnostics").get(0);
        assertThat(d.get("file").asText()).isEqualTo("app/main.k");
        assertThat(d.get("line").asInt()).isEqualTo(2);
        assertThat(d.get("column").asInt()).isEqualTo(5);
        assertThat(d.get("endLine").asInt()).isEqualTo(2);
        assertThat(d.get("endColumn").asInt()).isEqualTo(13);
        assertThat(d.get("code").asText()).isEqualTo("E0201");
        assertThat(d.get("slug").asText()).isEqualTo("undefined-name");
        assertThat(d.get("labels").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(d.get("hints").get(0).asText()).isEqualTo("did you mean `replicas`?");
        assertThat(root.get("errors").asInt()).isEqualTo(1);
        assertThat(root.get("warnings").asInt()).isZero();
    }

    @Test
    void sarifIsA210LogWithRulesAndRegions() throws Exception {
        JsonNode root = new ObjectMapper().readTree(MachineRenderer.sarif(List.of(diagnostic), "0.1.0"));
        assertThat(root.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = root.get("runs").get(0);
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("skiff");
        assertThat(run.at("/tool/driver/rules/0/id").asText()).isEqualTo("E0201");
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("E0201");
        assertThat(result.get("ruleIndex").asInt()).isZero();
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("app/main.k");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
        assertThat(result.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(5);
        assertThat(result.at("/locations/0/physicalLocation/region/endColumn").asInt()).isEqualTo(13);
        assertThat(result.at("/relatedLocations/0/message/text").asText()).isEqualTo("`replicas` is defined here");
        assertThat(result.at("/message/text").asText()).contains("did you mean `replicas`?");
    }

    @Test
    void githubAnnotationsEscapeTheirProperties() {
        assertThat(MachineRenderer.github(List.of(diagnostic))).isEqualTo(
                "::error file=app/main.k,line=2,col=5,endLine=2,endColumn=13,title=E0201 undefined-name"
                        + "::name `replicaz` is not defined%0Adid you mean `replicas`?\n");
    }

    @Test
    void aDiagnosticWithoutAPlaceStillRenders() throws Exception {
        Diagnostic missing = Diagnostic.error(Code.E0206, null, "no such file or directory: `x.k`");
        assertThat(new ObjectMapper().readTree(MachineRenderer.json(List.of(missing))).at("/diagnostics/0/file")
                .isNull()).isTrue();
        assertThat(MachineRenderer.github(List.of(missing)))
                .isEqualTo("::error title=E0206 file-not-found::no such file or directory: `x.k`\n");
        assertThat(new ObjectMapper().readTree(MachineRenderer.sarif(List.of(missing), "1")).at("/runs/0/results/0")
                .has("locations")).isFalse();
    }
}
