package dev.skiff.validate;

import static dev.skiff.validate.PlainObjects.container;
import static dev.skiff.validate.PlainObjects.deployment;
import static dev.skiff.validate.PlainObjects.list;
import static dev.skiff.validate.PlainObjects.obj;
import static dev.skiff.validate.PlainObjects.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.eval.value.Values;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.types.KubernetesSchemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each check of the {@link Validator} on small plain-data objects: the exact code, field path and message. The
 * messages are those of the evaluator for the same mistake in a typed object (see {@code golden/k8s}).
 */
@SuppressWarnings("unchecked")
class ValidatorTest {
    private static KubernetesSchemas k8s;
    private static Validator validator;

    @BeforeAll
    static void load() {
        k8s = KubernetesSchemas.of(SchemaRegistry.load("1.36"));
        validator = new Validator(k8s);
    }

    static List<Finding> validate(Map<String, Object> object) {
        return validator.validate(new Manifest(object, Values.fromJava(object)), null);
    }

    static Finding only(Map<String, Object> object) {
        List<Finding> found = validate(object);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    static String path(Finding f) {
        return f.path().display();
    }

    static Code code(Finding f) {
        return f.diagnostic().code();
    }

    static String message(Finding f) {
        return f.diagnostic().message();
    }

    static List<String> hints(Finding f) {
        return f.diagnostic().hints();
    }

    private static final String C0 = "spec.template.spec.containers[0]";

    @Test
    void aValidDeploymentHasNoProblems() {
        assertThat(validate(deployment(container("ports", list(obj("containerPort", 80L, "name", "http")),
                "resources", obj("limits", obj("cpu", "500m", "memory", "128Mi")),
                "imagePullPolicy", "IfNotPresent")))).isEmpty();
    }

    @Test
    void aValidServiceHasNoProblems() {
        assertThat(validate(service(obj("type", "NodePort", "selector", obj("app", "web"),
                "ports", list(obj("port", 80L, "targetPort", "http", "protocol", "TCP")))))).isEmpty();
    }

    @Test
    void unknownFieldWithDidYouMeanAndItsFix() {
        Finding f = only(deployment(container("imagee", "x")));
        assertThat(code(f)).isEqualTo(Code.E0302);
        assertThat(path(f)).isEqualTo(C0 + ".imagee");
        assertThat(message(f)).isEqualTo("schema `Container` has no attribute `imagee`");
        assertThat(hints(f)).containsExactly("did you mean `image`?");
        assertThat(f.diagnostic().fixes()).containsExactly(new Diagnostic.Fix.Replace(null, "imagee", "image"));
    }

    @Test
    void unknownTopLevelField() {
        Map<String, Object> d = deployment(container());
        d.put("spce", obj());
        Finding f = only(d);
        assertThat(code(f)).isEqualTo(Code.E0302);
        assertThat(path(f)).isEqualTo("spce");
        assertThat(hints(f)).containsExactly("did you mean `spec`?");
    }

    @Test
    void unknownFieldFarFromAnyNameHasNoHint() {
        Finding f = only(deployment(container("zzzzzzzz", "x")));
        assertThat(code(f)).isEqualTo(Code.E0302);
        assertThat(hints(f)).isEmpty();
    }

    @Test
    void stringForAnIntegerReadsAsInATypedObject() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) d.get("spec")).put("replicas", "two");
        Finding f = only(d);
        assertThat(code(f)).isEqualTo(Code.E0301);
        assertThat(path(f)).isEqualTo("spec.replicas");
        assertThat(message(f)).isEqualTo("expected `int32` for attribute `replicas` of `DeploymentSpec`, found `str`");
    }

    @Test
    void floatForAnInteger() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) d.get("spec")).put("replicas", 2.5);
        assertThat(message(only(d))).isEqualTo(
                "expected `int32` for attribute `replicas` of `DeploymentSpec`, found `float`");
    }

    @Test
    void int32OutOfRange() {
        Finding f = only(deployment(container("ports", list(obj("containerPort", 3_000_000_000L)))));
        assertThat(code(f)).isEqualTo(Code.E0402);
        assertThat(path(f)).isEqualTo(C0 + ".ports[0].containerPort");
        assertThat(message(f)).isEqualTo(
                "expected `int32` for attribute `containerPort` of `ContainerPort`, found 3000000000, which is out of range");
    }

    @Test
    void int64AcceptsLargeValues() {
        Map<String, Object> d = deployment(container());
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) d.get("spec"))
                .get("template")).get("spec");
        pod.put("activeDeadlineSeconds", 3_000_000_000L);
        assertThat(validate(d)).isEmpty();
    }

    @Test
    void dictWhereAListIsExpected() {
        Map<String, Object> d = deployment(container());
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) d.get("spec"))
                .get("template")).get("spec");
        pod.put("containers", container());
        Finding f = only(d);
        assertThat(path(f)).isEqualTo("spec.template.spec.containers");
        assertThat(message(f)).isEqualTo("expected `[Container]` for attribute `containers` of `PodSpec`, found `dict`");
    }

    @Test
    void scalarWhereAnObjectIsExpected() {
        Map<String, Object> d = deployment(container());
        d.put("metadata", "web");
        Finding f = only(d);
        assertThat(code(f)).isEqualTo(Code.E0301);
        assertThat(message(f)).isEqualTo("expected `ObjectMeta` for attribute `metadata` of `Deployment`, found `str`");
    }

    @Test
    void booleanField() {
        Finding f = only(deployment(container("tty", "yes")));
        assertThat(code(f)).isEqualTo(Code.E0301);
        assertThat(message(f)).isEqualTo("expected `bool` for attribute `tty` of `Container`, found `str`");
    }

    @Test
    void missingRequiredFieldWithTheFixThatAddsIt() {
        Map<String, Object> c = container();
        c.remove("name");
        Finding f = only(deployment(c));
        assertThat(code(f)).isEqualTo(Code.E0303);
        assertThat(path(f)).isEqualTo(C0 + ".name");
        assertThat(message(f)).isEqualTo("attribute `name` of `Container` is required and cannot be None or Undefined");
        assertThat(f.diagnostic().fixes()).containsExactly(new Diagnostic.Fix.AddAttributes(List.of("name")));
    }

    @Test
    void nullCountsAsMissingForRequiredFields() {
        assertThat(code(only(deployment(container("name", null))))).isEqualTo(Code.E0303);
    }

    @Test
    void nullOptionalFieldIsFine() {
        assertThat(validate(deployment(container("command", null)))).isEmpty();
    }

    @Test
    void oneFindingNamesEveryMissingFieldOfAnObject() {
        Map<String, Object> d = obj("apiVersion", "apps/v1", "kind", "Deployment", "spec", obj("replicas", 1L));
        Finding f = only(d);
        assertThat(path(f)).isEqualTo("spec.selector");
        assertThat(f.diagnostic().fixes()).containsExactly(
                new Diagnostic.Fix.AddAttributes(List.of("selector", "template")));
    }

    @Test
    void valueOutsideEnumListsTheAllowedValuesAndOffersTheClosest() {
        Finding f = only(deployment(container("imagePullPolicy", "always")));
        assertThat(code(f)).isEqualTo(Code.E0301);
        assertThat(path(f)).isEqualTo(C0 + ".imagePullPolicy");
        assertThat(message(f)).isEqualTo("expected `\"Always\" | \"IfNotPresent\" | \"Never\"` for attribute "
                + "`imagePullPolicy` of `Container`, found \"always\"");
        assertThat(hints(f)).containsExactly("did you mean `\"Always\"`?");
    }

    @Test
    void serviceTypeOutsideEnum() {
        Finding f = only(service(obj("type", "Nodeport")));
        assertThat(path(f)).isEqualTo("spec.type");
        assertThat(hints(f)).containsExactly("did you mean `\"NodePort\"`?");
    }

    @Test
    void malformedQuantityWithSuggestion() {
        Finding f = only(deployment(container("resources", obj("limits", obj("memory", "1Gb")))));
        assertThat(code(f)).isEqualTo(Code.E0405);
        assertThat(path(f)).isEqualTo(C0 + ".resources.limits.memory");
        assertThat(message(f)).isEqualTo("expected a quantity such as `500m` or `1Gi` for attribute `limits` of "
                + "`ResourceRequirements`, found `1Gb`");
        assertThat(hints(f)).containsExactly("did you mean `1Gi`?");
    }

    @Test
    void quantitiesAsStringsAndNumbers() {
        assertThat(validate(deployment(container("resources", obj(
                "requests", obj("cpu", 0.5, "memory", 1024L, "ephemeral-storage", "1.5e3"),
                "limits", obj("cpu", "2", "memory", "1Gi")))))).isEmpty();
    }

    @Test
    void quantityOfTheWrongTypeIsATypeError() {
        Finding f = only(deployment(container("resources", obj("limits", obj("cpu", true)))));
        assertThat(code(f)).isEqualTo(Code.E0301);
        assertThat(message(f)).isEqualTo(
                "expected `{str:quantity}` for attribute `limits` of `ResourceRequirements`, found the value of `cpu` "
                        + "of type `bool`");
    }

    @Test
    void intOrStringAcceptsNamesAndNumbers() {
        assertThat(validate(service(obj("ports", list(obj("port", 80L, "targetPort", 8080L),
                obj("port", 81L, "targetPort", "metrics")))))).isEmpty();
    }

    @Test
    void intOrStringRejectsOtherTypes() {
        Finding f = only(service(obj("ports", list(obj("port", 80L, "targetPort", true)))));
        assertThat(code(f)).isEqualTo(Code.E0301);
        assertThat(path(f)).isEqualTo("spec.ports[0].targetPort");
        assertThat(message(f)).isEqualTo("expected `int-or-string` for attribute `targetPort` of `ServicePort`, found `bool`");
    }

    @Test
    void intOrStringRejectsMalformedPercentages() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) d.get("spec")).put("strategy", obj("type", "RollingUpdate",
                "rollingUpdate", obj("maxSurge", "25%", "maxUnavailable", "x%")));
        Finding f = only(d);
        assertThat(code(f)).isEqualTo(Code.E0406);
        assertThat(path(f)).isEqualTo("spec.strategy.rollingUpdate.maxUnavailable");
    }

    @Test
    void nonStringLabelValueIsATypeErrorWithAQuoteHint() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) ((Map<String, Object>) d.get("metadata")).get("labels")).put("tier", 3L);
        Finding f = only(d);
        assertThat(code(f)).isEqualTo(Code.E0301);
        assertThat(path(f)).isEqualTo("metadata.labels.tier");
        assertThat(message(f)).isEqualTo(
                "expected `{str:str}` for attribute `labels` of `ObjectMeta`, found the value of `tier` of type `int`");
        assertThat(hints(f)).containsExactly("quote the value: `\"3\"`");
    }

    @Test
    void labelValueWithBadSyntax() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) ((Map<String, Object>) d.get("metadata")).get("labels")).put("tier", "front end");
        Finding f = only(d);
        assertThat(code(f)).isEqualTo(Code.E0407);
        assertThat(message(f)).isEqualTo("expected a valid label value for attribute `labels` of `ObjectMeta`, "
                + "found `front end`");
    }

    @Test
    void nonStringAnnotationValueAndQuotedPath() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) d.get("metadata")).put("annotations", obj("example.com/owner", true,
                "note", "any text, even with spaces!"));
        assertThat(validate(d)).extracting(ValidatorTest::code, ValidatorTest::path)
                .containsExactly(tuple(Code.E0301, "metadata.annotations[\"example.com/owner\"]"));
    }

    @Test
    void serviceSelectorValuesFollowLabelSyntax() {
        assertThat(validate(service(obj("selector", obj("app", "a b"))))).extracting(ValidatorTest::code,
                ValidatorTest::path).containsExactly(tuple(Code.E0407, "spec.selector.app"));
    }

    @Test
    void otherStringMapsAreNotLabels() {
        Map<String, Object> d = deployment(container());
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) d.get("spec"))
                .get("template")).get("spec");
        pod.put("nodeSelector", obj("disk", "a b"));
        assertThat(validate(d)).isEmpty();
    }

    @Test
    void badLabelKey() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) ((Map<String, Object>) d.get("metadata")).get("labels")).put("-tier", "web");
        Finding f = only(d);
        assertThat(code(f)).isEqualTo(Code.E0408);
        assertThat(path(f)).isEqualTo("metadata.labels[\"-tier\"]");
    }

    @Test
    void prefixedLabelKeysAreValid() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) ((Map<String, Object>) d.get("metadata")).get("labels"))
                .put("app.kubernetes.io/name", "web");
        assertThat(validate(d)).isEmpty();
    }

    @Test
    void badDateTime() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) d.get("metadata")).put("creationTimestamp", "yesterday");
        assertThat(validate(d)).extracting(ValidatorTest::code, ValidatorTest::path)
                .containsExactly(tuple(Code.E0409, "metadata.creationTimestamp"));
        ((Map<String, Object>) d.get("metadata")).put("creationTimestamp", "2024-01-31T12:00:00Z");
        assertThat(validate(d)).isEmpty();
    }

    @Test
    void unknownKind() {
        Finding f = only(obj("apiVersion", "apps/v1", "kind", "Deploymnet"));
        assertThat(code(f)).isEqualTo(Code.E0410);
        assertThat(message(f)).isEqualTo("Kubernetes 1.36 has no kind `Deploymnet` in `apps/v1`");
        assertThat(hints(f)).containsExactly("did you mean `Deployment`?");
    }

    @Test
    void kindUnderAnotherApiVersionIsPointedOut() {
        assertThat(hints(only(obj("apiVersion", "extensions/v1beta1", "kind", "Deployment"))))
                .containsExactly("`Deployment` is served as `apiVersion: apps/v1`");
    }

    @Test
    void everyProblemIsReportedInFieldOrderAndMissingFieldsLast() {
        Map<String, Object> c = container("imagePullPolicy", "Sometimes", "tty", 1L, "foo", "bar");
        c.remove("name");
        assertThat(validate(deployment(c))).extracting(ValidatorTest::code).containsExactly(
                Code.E0301, Code.E0301, Code.E0302, Code.E0303);
    }

    @Test
    void validatesAgainstAGivenTypeWithoutApiVersion() {
        var value = Values.fromJava(obj("name", "x", "ports", list(obj("containerPort", "80"))));
        assertThat(validator.validate(value, k8s.member("k8s.api.core.v1", "Container"), null))
                .extracting(ValidatorTest::path, ValidatorTest::message).containsExactly(tuple("ports[0].containerPort",
                        "expected `int32` for attribute `containerPort` of `ContainerPort`, found `str`"));
    }

    @Test
    void deeplyNestedDataStopsWithAProblemInsteadOfOverflowing() {
        Map<String, Object> props = obj();
        Map<String, Object> root = obj("apiVersion", "apiextensions.k8s.io/v1", "kind", "CustomResourceDefinition",
                "metadata", obj("name", "a.b.c"), "spec", obj("group", "b.c", "scope", "Namespaced",
                        "names", obj("plural", "as", "kind", "A"),
                        "versions", list(obj("name", "v1", "served", true, "storage", true,
                                "schema", obj("openAPIV3Schema", props)))));
        Map<String, Object> cur = props;
        for (int i = 0; i < 500; i++) {
            Map<String, Object> next = obj();
            cur.put("properties", obj("x", next));
            cur = next;
        }
        assertThat(validate(root)).extracting(ValidatorTest::message)
                .containsExactly("the value is nested deeper than 200 levels");
    }
}
