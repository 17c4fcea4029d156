package dev.skiff;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java callers get fabric8 objects, typed where fabric8 has the kind, validated as `skiff build` does. */
class Fabric8Test {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path p = dir.resolve("main.k");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void theAppApiBecomesTypedFabric8Objects() throws IOException {
        Path main = write("""
                import skiff.app

                shop = app.App {name = "shop", image = "shop:1.2", port = 8080, scale = {min = 2, max = 5}}
                """);
        var r = Fabric8.compile(CompileRequest.of(main).withWorkDir(dir));
        assertThat(r.diagnostics()).isEmpty();
        List<HasMetadata> objects = r.value();
        assertThat(objects).extracting(HasMetadata::getKind)
                .containsExactly("ServiceAccount", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget");
        Deployment d = (Deployment) objects.get(1);
        assertThat(d.getMetadata().getName()).isEqualTo("shop");
        assertThat(d.getSpec().getReplicas()).isEqualTo(2);
        var container = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("shop:1.2");
        assertThat(container.getResources().getRequests().get("cpu")).isEqualTo(new Quantity("100m"));
        Service s = (Service) objects.get(2);
        assertThat(s.getSpec().getPorts().get(0).getTargetPort()).isEqualTo(new IntOrString("http"));
        assertThat(((HorizontalPodAutoscaler) objects.get(3)).getSpec().getMaxReplicas()).isEqualTo(5);
    }

    @Test
    void kindsFabric8DoesNotKnowAreGenericResources() throws IOException {
        Path main = write("""
                import skiff.app

                api = app.App {name = "api", image = "api:1", scale = {min = 0, max = 3}}
                """);
        var r = Fabric8.compile(CompileRequest.of(main).withWorkDir(dir));
        assertThat(r.diagnostics()).isEmpty();
        HasMetadata knative = r.value().stream().filter(o -> o.getKind().equals("Service")
                && o.getApiVersion().equals("serving.knative.dev/v1")).findFirst().orElseThrow();
        assertThat(knative).isInstanceOf(GenericKubernetesResource.class);
        assertThat(knative.getMetadata().getName()).isEqualTo("api");
    }

    @Test
    void invalidObjectsGiveDiagnosticsNotObjects() throws IOException {
        Path main = write("""
                svc = {apiVersion = "v1", kind = "Service", metadata.name = "s", spec.type = "Cluster"}
                """);
        var r = Fabric8.compile(CompileRequest.of(main).withWorkDir(dir));
        assertThat(r.value()).isNull();
        assertThat(r.diagnostics()).anySatisfy(d -> assertThat(d.code().name()).isEqualTo("E0301"));
    }
}
