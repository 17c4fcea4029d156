package dev.skiff.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.diag.Code;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each check of {@link Validator} on small plain-data objects: the exact problem, path and message. */
@SuppressWarnings("unchecked")
class ValidatorTest {
    private static SchemaRegistry k8s;
    private static Validator validator;

    @BeforeAll
    static void load() {
        k8s = SchemaRegistry.load("1.36");
        validator = new Validator(k8s);
    }

    /** A dict literal: keys and values alternate; order is kept and values may be null. */
    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    static Map<String, Object> container(Object... extra) {
        Map<String, Object> c = obj("name", "web", "image", "nginx:1.27");
        c.putAll(obj(extra));
        return c;
    }

    static Map<String, Object> deployment(Map<String, Object> container) {
        return obj("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", obj("name", "web", "labels", obj("app", "web")),
                "spec", obj("replicas", 2L,
                        "selector", obj("matchLabels", obj("app", "web")),
                        "template", obj("metadata", obj("labels", obj("app", "web")),
                                "spec", obj("containers", list(container)))));
    }

    static Map<String, Object> service(Map<String, Object> spec) {
        return obj("apiVersion", "v1", "kind", "Service", "metadata", obj("name", "web"), "spec", spec);
    }

    static Problem only(Object object) {
        List<Problem> problems = validator.validate(object);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static final String C0 = "spec.template.spec.containers[0]";

    @Test
    void aValidDeploymentHasNoProblems() {
        assertThat(validator.validate(deployment(container("ports", list(obj("containerPort", 80L, "name", "http")),
                "resources", obj("limits", obj("cpu", "500m", "memory", "128Mi")),
                "imagePullPolicy", "IfNotPresent")))).isEmpty();
    }

    @Test
    void aValidServiceHasNoProblems() {
        assertThat(validator.validate(service(obj("type", "NodePort", "selector", obj("app", "web"),
                "ports", list(obj("port", 80L, "targetPort", "http", "protocol", "TCP")))))).isEmpty();
    }

    @Test
    void unknownFieldWithDidYouMean() {
        Problem p = only(deployment(container("imagee", "x")));
        assertThat(p).isEqualTo(new Problem(Code.E0401, C0 + ".imagee", "`Container` has no field `imagee`.",
                "did you mean `image`?"));
    }

    @Test
    void unknownTopLevelField() {
        Map<String, Object> d = deployment(container());
        d.put("spce", obj());
        Problem p = only(d);
        assertThat(p.code()).isEqualTo(Code.E0401);
        assertThat(p.path()).isEqualTo("spce");
        assertThat(p.hint()).isEqualTo("did you mean `spec`?");
    }

    @Test
    void unknownFieldFarFromAnyNameHasNoHint() {
        Problem p = only(deployment(container("zzzzzzzz", "x")));
        assertThat(p.code()).isEqualTo(Code.E0401);
        assertThat(p.hint()).isNull();
    }

    @Test
    void stringForAnInteger() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) d.get("spec")).put("replicas", "two");
        assertThat(only(d)).isEqualTo(new Problem(Code.E0402, "spec.replicas",
                "expected an integer (int32), found the string `\"two\"`.", null));
    }

    @Test
    void floatForAnInteger() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) d.get("spec")).put("replicas", 2.5);
        assertThat(only(d).message()).isEqualTo("expected an integer (int32), found the float `2.5`.");
    }

    @Test
    void int32OutOfRange() {
        Problem p = only(deployment(container("ports", list(obj("containerPort", 3_000_000_000L)))));
        assertThat(p).isEqualTo(new Problem(Code.E0402, C0 + ".ports[0].containerPort",
                "expected an int32 integer, found 3000000000, which is out of range.", null));
    }

    @Test
    void int64AcceptsLargeValues() {
        Map<String, Object> d = deployment(container());
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) d.get("spec"))
                .get("template")).get("spec");
        pod.put("activeDeadlineSeconds", 3_000_000_000L);
        assertThat(validator.validate(d)).isEmpty();
    }

    @Test
    void dictWhereAListIsExpected() {
        Map<String, Object> d = deployment(container());
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) d.get("spec"))
                .get("template")).get("spec");
        pod.put("containers", container());
        assertThat(only(d)).isEqualTo(new Problem(Code.E0402, "spec.template.spec.containers",
                "expected a list of Container, found a dict.", null));
    }

    @Test
    void scalarWhereAnObjectIsExpected() {
        Map<String, Object> d = deployment(container());
        d.put("metadata", "web");
        assertThat(only(d)).isEqualTo(new Problem(Code.E0402, "metadata",
                "expected an object of type `ObjectMeta`, found the string `\"web\"`.", null));
    }

    @Test
    void booleanField() {
        Problem p = only(deployment(container("tty", "yes")));
        assertThat(p.code()).isEqualTo(Code.E0402);
        assertThat(p.message()).isEqualTo("expected a boolean, found the string `\"yes\"`.");
    }

    @Test
    void missingRequiredField() {
        Map<String, Object> c = container();
        c.remove("name");
        assertThat(only(deployment(c))).isEqualTo(new Problem(Code.E0403, C0 + ".name",
                "`Container` requires the field `name`.", null));
    }

    @Test
    void nullCountsAsMissingForRequiredFields() {
        assertThat(only(deployment(container("name", null))).code()).isEqualTo(Code.E0403);
    }

    @Test
    void nullOptionalFieldIsFine() {
        assertThat(validator.validate(deployment(container("command", null)))).isEmpty();
    }

    @Test
    void deploymentSpecRequiresSelectorAndTemplate() {
        Map<String, Object> d = obj("apiVersion", "apps/v1", "kind", "Deployment", "spec", obj("replicas", 1L));
        assertThat(validator.validate(d)).extracting(Problem::code, Problem::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Code.E0403, "spec.selector"),
                org.assertj.core.groups.Tuple.tuple(Code.E0403, "spec.template"));
    }

    @Test
    void valueOutsideEnumListsTheAllowedValues() {
        Problem p = only(deployment(container("imagePullPolicy", "Sometimes")));
        assertThat(p).isEqualTo(new Problem(Code.E0404, C0 + ".imagePullPolicy",
                "`Sometimes` is not an allowed value of `imagePullPolicy`; expected one of `Always`, `IfNotPresent` "
                        + "or `Never`.", null));
    }

    @Test
    void enumValueInTheWrongCaseGetsAHint() {
        assertThat(only(deployment(container("imagePullPolicy", "always"))).hint()).isEqualTo("did you mean `Always`?");
    }

    @Test
    void serviceTypeOutsideEnum() {
        Problem p = only(service(obj("type", "Nodeport")));
        assertThat(p.code()).isEqualTo(Code.E0404);
        assertThat(p.path()).isEqualTo("spec.type");
        assertThat(p.hint()).isEqualTo("did you mean `NodePort`?");
    }

    @Test
    void malformedQuantityWithSuggestion() {
        Problem p = only(deployment(container("resources", obj("limits", obj("memory", "1Gb")))));
        assertThat(p).isEqualTo(new Problem(Code.E0405, C0 + ".resources.limits.memory",
                "`1Gb` is not a valid quantity.", "did you mean `1Gi`?"));
    }

    @Test
    void quantitiesAsStringsAndNumbers() {
        assertThat(validator.validate(deployment(container("resources", obj(
                "requests", obj("cpu", 0.5, "memory", 1024L, "ephemeral-storage", "1.5e3"),
                "limits", obj("cpu", "2", "memory", "1Gi")))))).isEmpty();
    }

    @Test
    void quantityOfTheWrongType() {
        Problem p = only(deployment(container("resources", obj("limits", obj("cpu", true)))));
        assertThat(p.code()).isEqualTo(Code.E0405);
        assertThat(p.message()).isEqualTo("expected a quantity such as `500m` or `1Gi`, found the boolean `True`.");
    }

    @Test
    void intOrStringAcceptsNamesAndNumbers() {
        assertThat(validator.validate(service(obj("ports", list(obj("port", 80L, "targetPort", 8080L),
                obj("port", 81L, "targetPort", "metrics")))))).isEmpty();
    }

    @Test
    void intOrStringRejectsOtherTypes() {
        Problem p = only(service(obj("ports", list(obj("port", 80L, "targetPort", true)))));
        assertThat(p).isEqualTo(new Problem(Code.E0406, "spec.ports[0].targetPort",
                "expected an integer or a string, found the boolean `True`.", null));
    }

    @Test
    void intOrStringRejectsMalformedPercentages() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) d.get("spec")).put("strategy", obj("type", "RollingUpdate",
                "rollingUpdate", obj("maxSurge", "25%", "maxUnavailable", "x%")));
        Problem p = only(d);
        assertThat(p.code()).isEqualTo(Code.E0406);
        assertThat(p.path()).isEqualTo("spec.strategy.rollingUpdate.maxUnavailable");
    }

    @Test
    void nonStringLabelValue() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) ((Map<String, Object>) d.get("metadata")).get("labels")).put("tier", 3L);
        assertThat(only(d)).isEqualTo(new Problem(Code.E0407, "metadata.labels.tier",
                "expected a string label value, found the integer `3`.", "quote the value: `\"3\"`."));
    }

    @Test
    void labelValueWithBadSyntax() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) ((Map<String, Object>) d.get("metadata")).get("labels")).put("tier", "front end");
        Problem p = only(d);
        assertThat(p.code()).isEqualTo(Code.E0407);
        assertThat(p.message()).isEqualTo("`front end` is not a valid label value.");
    }

    @Test
    void nonStringAnnotationValueAndQuotedPath() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) d.get("metadata")).put("annotations", obj("example.com/owner", true,
                "note", "any text, even with spaces!"));
        assertThat(only(d)).extracting(Problem::code, Problem::path)
                .containsExactly(Code.E0407, "metadata.annotations[\"example.com/owner\"]");
    }

    @Test
    void serviceSelectorValuesFollowLabelSyntax() {
        Problem p = only(service(obj("selector", obj("app", 1L))));
        assertThat(p).extracting(Problem::code, Problem::path).containsExactly(Code.E0407, "spec.selector.app");
    }

    @Test
    void otherStringMapsAreNotLabels() {
        Map<String, Object> d = deployment(container());
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) d.get("spec"))
                .get("template")).get("spec");
        pod.put("nodeSelector", obj("disk", 1L));
        assertThat(only(d)).isEqualTo(new Problem(Code.E0402, "spec.template.spec.nodeSelector.disk",
                "expected a string, found the integer `1`.", null));
    }

    @Test
    void badLabelKey() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) ((Map<String, Object>) d.get("metadata")).get("labels")).put("-tier", "web");
        Problem p = only(d);
        assertThat(p.code()).isEqualTo(Code.E0408);
        assertThat(p.path()).isEqualTo("metadata.labels[\"-tier\"]");
    }

    @Test
    void prefixedLabelKeysAreValid() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) ((Map<String, Object>) d.get("metadata")).get("labels"))
                .put("app.kubernetes.io/name", "web");
        assertThat(validator.validate(d)).isEmpty();
    }

    @Test
    void badDateTime() {
        Map<String, Object> d = deployment(container());
        ((Map<String, Object>) d.get("metadata")).put("creationTimestamp", "yesterday");
        assertThat(only(d)).extracting(Problem::code, Problem::path)
                .containsExactly(Code.E0409, "metadata.creationTimestamp");
        ((Map<String, Object>) d.get("metadata")).put("creationTimestamp", "2024-01-31T12:00:00Z");
        assertThat(validator.validate(d)).isEmpty();
    }

    @Test
    void unknownKind() {
        assertThat(only(obj("apiVersion", "apps/v1", "kind", "Deploymnet"))).isEqualTo(new Problem(Code.E0410, "",
                "Kubernetes 1.36 has no kind `Deploymnet` in `apps/v1`.", "did you mean `Deployment`?"));
    }

    @Test
    void kindUnderAnotherApiVersionIsPointedOut() {
        assertThat(only(obj("apiVersion", "extensions/v1beta1", "kind", "Deployment")).hint())
                .isEqualTo("`Deployment` is served as `apiVersion: apps/v1`.");
    }

    @Test
    void missingApiVersion() {
        assertThat(only(obj("kind", "Service")).code()).isEqualTo(Code.E0410);
    }

    @Test
    void everyProblemIsReportedInFieldOrder() {
        Map<String, Object> c = container("imagePullPolicy", "Sometimes", "tty", 1L, "foo", "bar");
        c.remove("name");
        assertThat(validator.validate(deployment(c))).extracting(Problem::code).containsExactly(
                Code.E0404, Code.E0402, Code.E0401, Code.E0403);
    }

    @Test
    void validatesAgainstAGivenTypeWithoutApiVersion() {
        K8sType containerType = k8s.lookup("V1Container").orElseThrow();
        assertThat(validator.validate(obj("name", "x", "ports", list(obj("containerPort", "80"))), containerType))
                .containsExactly(new Problem(Code.E0402, "ports[0].containerPort",
                        "expected an integer (int32), found the string `\"80\"`.", null));
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
        assertThat(validator.validate(root)).extracting(Problem::message)
                .containsExactly("the value is nested deeper than 200 levels.");
    }
}
