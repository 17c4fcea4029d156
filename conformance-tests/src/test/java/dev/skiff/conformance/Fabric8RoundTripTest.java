package dev.skiff.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every built-in object an example emits reads into fabric8's typed model and writes back unchanged: Java
 * users and tools built on fabric8 see exactly what Skiff emitted.
 */
class Fabric8RoundTripTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("apps/v1/StatefulSet", io.fabric8.kubernetes.api.model.apps.StatefulSet.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            Map.entry("v1/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("batch/v1/CronJob", io.fabric8.kubernetes.api.model.batch.v1.CronJob.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", io.fabric8.kubernetes.api.model.rbac.Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", io.fabric8.kubernetes.api.model.rbac.RoleBinding.class));

    @TestFactory
    Stream<DynamicTest> exampleObjectsRoundTripThroughFabric8() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Examples.Case c : Examples.cases()) {
            for (dev.skiff.validate.Manifest m : Examples.build(c).objects()) {
                Class<? extends HasMetadata> type = KINDS.get(m.apiVersion() + "/" + m.kind());
                if (type == null) {
                    continue; // custom resources have no fabric8 class
                }
                tests.add(DynamicTest.dynamicTest(c.name() + ": " + m.kind() + " " + m.name(), () -> {
                    HasMetadata typed = JSON.readValue(JSON.writeValueAsString(m.data()), type);
                    assertThat(typed.getMetadata().getName()).isEqualTo(m.name());
                    Object back = JSON.convertValue(typed, Object.class);
                    // through text, so that numbers compare by value (Skiff's longs, fabric8's ints)
                    assertThat(JSON.readTree(JSON.writeValueAsString(back)))
                            .isEqualTo(JSON.readTree(JSON.writeValueAsString(m.data())));
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(12);
        return tests.stream();
    }
}
