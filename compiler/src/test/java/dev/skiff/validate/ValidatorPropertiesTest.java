package dev.skiff.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.eval.value.Values;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.types.KubernetesSchemas;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever plain data arrives, the validator answers with located problems of value codes and never throws. */
class ValidatorPropertiesTest {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.load("1.36");
    private static final KubernetesSchemas K8S = KubernetesSchemas.of(REGISTRY);
    private static final Validator VALIDATOR = new Validator(K8S);
    private static final List<String> TYPES = List.of("V1Deployment", "V1Service", "V1Container", "V1ObjectMeta",
            "V1CustomResourceDefinition", "V1PodSpec");

    @Provide
    Arbitrary<Object> data() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(6).map(s -> (Object) s),
                Arbitraries.of("name", "image", "spec", "metadata", "labels", "ports", "containers", "1Gi", "25%")
                        .map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        return Arbitraries.recursive(() -> scalars, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.of("name", "image", "spec", "metadata", "labels", "ports", "containers",
                        "template", "selector", "type", "targetPort", "x"), inner).ofMaxSize(4)
                        .map(m -> (Object) m)), 4);
    }

    @Property(tries = 300)
    void neverThrowsAndOnlyReportsValueCodes(@ForAll("data") Object value, @ForAll("typeNames") String type) {
        var schema = K8S.of(REGISTRY.lookup(type).orElseThrow());
        List<Finding> found = VALIDATOR.validate(Values.fromJava(value), schema, null);
        assertThat(found).allSatisfy(f -> assertThat(f.diagnostic().code().id()).matches("E0(30[123]|40[25-9]|41[01]|509)"));
        if (!(value instanceof java.util.Map<?, ?>)) {
            assertThat(found).hasSize(1);
        }
    }

    @Provide
    Arbitrary<String> typeNames() {
        return Arbitraries.of(TYPES);
    }
}
