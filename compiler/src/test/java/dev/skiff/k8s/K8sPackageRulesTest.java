package dev.skiff.k8s;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The schema package stays below the language: it may use only source, diag, Jackson, Guava and the JDK. */
class K8sPackageRulesTest {
    @Test
    void dependsOnlyOnSourceDiagJacksonAndGuava() {
        JavaClasses k8s = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.skiff.k8s");
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("dev.skiff.k8s..", "dev.skiff.source..",
                "dev.skiff.diag..", "com.fasterxml.jackson..", "com.google.common..", "java..")
                .check(k8s);
    }
}
