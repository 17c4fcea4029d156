package dev.skiff.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Facts about the generated schema resources that a plausible generator bug would break. */
class SchemaRegistryTest {
    private static SchemaRegistry k8s;

    @BeforeAll
    static void load() {
        k8s = SchemaRegistry.load("1.36");
    }

    private static K8sProperty prop(String definition, String property) {
        return k8s.lookup(definition).orElseThrow().properties().get(property);
    }

    @Test
    void carriesTheNewestThreeVersionsNewestFirst() {
        assertThat(SchemaRegistry.versions()).containsExactly("1.36", "1.35", "1.34");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.36", "1.35", "1.34"})
    void eachVersionLoadsWithItsCoreKinds(String version) {
        SchemaRegistry r = SchemaRegistry.load(version);
        assertThat(r.version()).isEqualTo(version);
        assertThat(r.byGvk("apps/v1", "Deployment")).map(K8sType::name).contains("V1Deployment");
        assertThat(r.byGvk("v1", "ConfigMap")).isPresent();
        assertThat(r.lookup("V1Container").orElseThrow().required()).containsExactly("name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.36", "1.35", "1.34"})
    void everyReferenceResolvesAndEveryEnumIsAPlainList(String version) {
        SchemaRegistry r = SchemaRegistry.load(version);
        assertThat(r.definitionNames()).hasSizeGreaterThan(700);
        assertThat(r.kinds()).hasSizeGreaterThan(180);
        for (String name : r.definitionNames()) {
            for (K8sProperty p : r.lookup(name).orElseThrow().properties().values()) {
                TypeRef t = p.type();
                while (t.element() != null) {
                    t = t.element();
                }
                if (t.kind() == TypeRef.Kind.OBJECT) {
                    assertThat(r.lookup(t.definition())).as("%s.%s", name, p.name()).isPresent();
                }
                if (!p.enumValues().isEmpty()) {
                    assertThat(p.type().kind()).as("%s.%s", name, p.name()).isEqualTo(TypeRef.Kind.STRING);
                    assertThat(p.enumValues()).as("%s.%s", name, p.name()).allMatch(v -> v.matches("[A-Za-z0-9_-]+"));
                }
            }
        }
        for (SchemaRegistry.Gvk g : r.kinds()) {
            assertThat(r.byGvk(g.apiVersion(), g.kind())).as("%s", g).isPresent();
        }
    }

    @Test
    void unknownVersionIsRefused() {
        assertThatThrownBy(() -> SchemaRegistry.load("1.20")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.20").hasMessageContaining("1.36");
    }

    @Test
    void containerNameIsRequiredAndImageIsNot() {
        assertThat(prop("V1Container", "name").required()).isTrue();
        assertThat(prop("V1Container", "image").required()).isFalse();
    }

    @Test
    void serviceTypeHasExactlyFourValues() {
        K8sProperty type = k8s.byGvk("v1", "Service").flatMap(s -> k8s.lookup(
                s.properties().get("spec").type().definition())).orElseThrow().properties().get("type");
        assertThat(type.enumValues()).containsExactly("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
    }

    @Test
    void imagePullPolicyHasThreeValues() {
        assertThat(prop("V1Container", "imagePullPolicy").enumValues()).containsExactly("Always", "IfNotPresent", "Never");
    }

    @Test
    void enumsFromOtherPhrasingsAreFound() {
        assertThat(prop("V1ServiceSpec", "sessionAffinity").enumValues()).containsExactly("ClientIP", "None");
        assertThat(prop("V1ContainerPort", "protocol").enumValues()).containsExactly("SCTP", "TCP", "UDP");
        assertThat(prop("V1DeploymentStrategy", "type").enumValues()).containsExactly("Recreate", "RollingUpdate");
        assertThat(prop("V1CronJobSpec", "concurrencyPolicy").enumValues()).containsExactly("Allow", "Forbid", "Replace");
        assertThat(prop("V1ServiceSpec", "ipFamilyPolicy").enumValues())
                .containsExactly("PreferDualStack", "RequireDualStack", "SingleStack");
        assertThat(prop("V1Toleration", "operator").enumValues()).contains("Equal", "Exists");
        assertThat(prop("V1HTTPIngressPath", "pathType").enumValues())
                .containsExactly("Exact", "ImplementationSpecific", "Prefix");
    }

    @Test
    void ambiguousDescriptionsLeaveTheFieldOpen() {
        assertThat(prop("V1ServiceSpec", "clusterIP").enumValues()).isEmpty();
        assertThat(prop("V1Device", "nodeName").enumValues()).isEmpty();
        assertThat(prop("V1RuleWithOperations", "scope").enumValues()).isEmpty();
        assertThat(prop("V1Container", "image").enumValues()).isEmpty();
    }

    @Test
    void scalarTypesAndFormats() {
        assertThat(prop("V1ContainerPort", "containerPort").type().kind()).isEqualTo(TypeRef.Kind.INT32);
        assertThat(prop("V1ContainerPort", "containerPort").format()).isEqualTo("int32");
        assertThat(prop("V1ServicePort", "targetPort").type().kind()).isEqualTo(TypeRef.Kind.INT_OR_STRING);
        assertThat(prop("V1PodSpec", "activeDeadlineSeconds").type().kind()).isEqualTo(TypeRef.Kind.INT64);
        assertThat(prop("V1ObjectMeta", "creationTimestamp").type().kind()).isEqualTo(TypeRef.Kind.DATE_TIME);
        assertThat(prop("V1PodSpec", "hostNetwork").type().kind()).isEqualTo(TypeRef.Kind.BOOLEAN);
    }

    @Test
    void listsMapsAndReferences() {
        TypeRef containers = prop("V1PodSpec", "containers").type();
        assertThat(containers.kind()).isEqualTo(TypeRef.Kind.LIST);
        assertThat(containers.element().definition()).isEqualTo("V1Container");
        assertThat(containers.display()).isEqualTo("list of Container");
        TypeRef limits = prop("V1ResourceRequirements", "limits").type();
        assertThat(limits.kind()).isEqualTo(TypeRef.Kind.MAP);
        assertThat(limits.element().kind()).isEqualTo(TypeRef.Kind.QUANTITY);
        assertThat(prop("V1ObjectMeta", "labels").type().display()).isEqualTo("map of string");
    }

    @Test
    void objectTypedPropertiesBorrowTheTargetTypesDescription() {
        String target = k8s.lookup("V1ResourceRequirements").orElseThrow().description();
        assertThat(target).isNotEmpty();
        assertThat(prop("V1Container", "resources").description()).isEqualTo(target);
        assertThat(prop("V1Container", "image").description()).contains("Container image name");
    }

    @Test
    void kindsSharedByTwoGroupsMapToTheirOwnDefinitions() {
        assertThat(k8s.byGvk("v1", "Event")).map(K8sType::name).contains("CoreV1Event");
        assertThat(k8s.byGvk("events.k8s.io/v1", "Event")).map(K8sType::name).contains("EventsV1Event");
        assertThat(k8s.byGvk("networking.k8s.io/v1", "Ingress")).map(K8sType::name).contains("V1Ingress");
        assertThat(k8s.byGvk("apps/v1", "Service")).isEmpty();
        assertThat(k8s.gvkOf("V1Deployment")).contains(new SchemaRegistry.Gvk("apps/v1", "Deployment"));
    }

    @Test
    void kindsFabric8DoesNotModelComeFromClientJavasApiClasses() {
        assertThat(k8s.byGvk("networking.k8s.io/v1beta1", "IPAddress")).map(K8sType::name).contains("V1beta1IPAddress");
        assertThat(k8s.byGvk("scheduling.k8s.io/v1alpha2", "Workload")).map(K8sType::name).contains("V1alpha2Workload");
        assertThat(k8s.byGvk("scheduling.k8s.io/v1alpha2", "WorkloadList")).isPresent();
        assertThat(k8s.kinds()).hasSizeGreaterThan(180);
    }

    @Test
    void modulePathsFollowKclNames() {
        var modules = k8s.modulePaths();
        assertThat(modules.get("k8s.api.apps.v1")).contains("Deployment", "DeploymentSpec", "StatefulSet");
        assertThat(modules.get("k8s.api.core.v1")).contains("Pod", "Container", "Service", "PodTemplateSpec")
                .doesNotContain("ObjectMeta", "Deployment");
        assertThat(modules.get("k8s.api.networking.v1")).contains("Ingress", "NetworkPolicy");
        assertThat(modules.get("k8s.apimachinery.pkg.apis.meta.v1")).contains("ObjectMeta", "LabelSelector", "ListMeta");
        assertThat(k8s.member("k8s.api.apps.v1", "Deployment")).map(K8sType::name).contains("V1Deployment");
        assertThat(k8s.member("k8s.api.core.v1", "Event")).map(K8sType::name).contains("CoreV1Event");
        assertThat(k8s.member("k8s.api.apps.v1", "Container")).isEmpty();
    }

    @Test
    void lookupIsCachedPerRegistry() {
        assertThat(k8s.lookup("V1Pod").orElseThrow()).isSameAs(k8s.lookup("V1Pod").orElseThrow());
        assertThat(k8s.lookup("NoSuchType")).isEmpty();
    }
}
