package dev.skiff.k8sgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The description phrasings Kubernetes uses for enumerations, and the ones that must leave a field open. */
class EnumExtractorTest {
    @Test
    void oneOfList() {
        assertThat(EnumExtractor.extract("Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always."))
                .containsExactlyInAnyOrder("Always", "Never", "IfNotPresent");
    }

    @Test
    void validOptionsWithAnd() {
        assertThat(EnumExtractor.extract("Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "
                + "\"ClusterIP\" allocates an IP.")).containsExactlyInAnyOrder("ExternalName", "ClusterIP", "NodePort",
                "LoadBalancer");
    }

    @Test
    void quotedSupports() {
        assertThat(EnumExtractor.extract("Supports \"ClientIP\" and \"None\". Used to maintain session affinity."))
                .containsExactlyInAnyOrder("ClientIP", "None");
    }

    @Test
    void singleQuotedWithOr() {
        assertThat(EnumExtractor.extract("Valid values are 'ClusterFirstWithHostNet', 'ClusterFirst', 'Default' or 'None'."))
                .containsExactlyInAnyOrder("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
    }

    @Test
    void bulletedValues() {
        assertThat(EnumExtractor.extract("Valid values are:  - \"Allow\" (default): allows; - \"Forbid\": forbids; "
                + "- \"Replace\": cancels")).containsExactlyInAnyOrder("Allow", "Forbid", "Replace");
        assertThat(EnumExtractor.extract("PathType can be one of the following values: * Exact: Matches exactly. "
                + "* Prefix: Matches a prefix. * ImplementationSpecific: Up to the class."))
                .containsExactlyInAnyOrder("Exact", "Prefix", "ImplementationSpecific");
    }

    @Test
    void generatedPossibleEnumValues() {
        assertThat(EnumExtractor.extract("Policy.\n\nPossible enum values:\n - `\"Always\"` means always\n"
                + " - `\"Never\"` means never")).containsExactlyInAnyOrder("Always", "Never");
    }

    @Test
    void proseIsNotAnEnum() {
        assertThat(EnumExtractor.extract("This must be a valid port number, 0 < x < 65536.")).isEmpty();
        assertThat(EnumExtractor.extract("Name must be a DNS_LABEL. Can be omitted.")).isEmpty();
        assertThat(EnumExtractor.extract("")).isEmpty();
    }

    @Test
    void asidesInParenthesesAreNotPartOfTheList() {
        assertThat(EnumExtractor.extract("Services can be \"SingleStack\" (a single IP family), \"PreferDualStack\" "
                + "(two IP families) or \"RequireDualStack\".")).containsExactlyInAnyOrder("SingleStack",
                "PreferDualStack", "RequireDualStack");
        assertThat(EnumExtractor.extract("completionMode can be `NonIndexed` (default) or `Indexed`."))
                .containsExactlyInAnyOrder("NonIndexed", "Indexed");
    }

    @Test
    void fieldExclusivityIsNotAnEnum() {
        assertThat(EnumExtractor.extract("Exactly one of NodeName, NodeSelector and AllNodes can be set.")).isEmpty();
        assertThat(EnumExtractor.extract("Valid values are \"None\", empty string (\"\"), or a valid IP address."))
                .isEmpty();
        assertThat(EnumExtractor.extract("Valid values are \"Cluster\", \"Namespaced\", and \"*\".")).isEmpty();
    }

    @Test
    void disagreeingSentencesLeaveTheFieldOpen() {
        assertThat(EnumExtractor.extract("One of Foo, Bar. In some contexts one of Foo, Baz.")).isEmpty();
    }

    @Test
    void shortNamesDropTheVersionAndGroupPrefix() {
        assertThat(Modules.shortName("V1Deployment")).isEqualTo("Deployment");
        assertThat(Modules.shortName("V1beta1MutatingAdmissionPolicy")).isEqualTo("MutatingAdmissionPolicy");
        assertThat(Modules.shortName("CoreV1Event")).isEqualTo("Event");
        assertThat(Modules.shortName("V2HorizontalPodAutoscaler")).isEqualTo("HorizontalPodAutoscaler");
        assertThat(Modules.modulePath("networking.k8s.io", "v1")).isEqualTo("k8s.api.networking.v1");
        assertThat(Modules.modulePath("", "v1")).isEqualTo("k8s.api.core.v1");
    }
}
