package dev.skiff;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compiler's packages form a pipeline and the dependencies point one way:
 * {@code source ← diag ← syntax ← modules ← resolve ← types ← eval ← validate}, with {@code emit} (writers over plain data) and
 * {@code k8s} (the Kubernetes schema) usable by the stages but never using them. The facade in
 * {@code dev.skiff} sits on top.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.skiff");
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.skiff.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void sourceDependsOnNothing() {
        noClasses().that().resideInAPackage("dev.skiff.source..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.skiff.diag..", "dev.skiff.syntax..",
                        "dev.skiff.modules..", "dev.skiff.types..", "dev.skiff.eval..", "dev.skiff.emit..",
                        "dev.skiff.k8s..")
                .check(classes);
    }

    @Test
    void syntaxKnowsNothingOfLaterStages() {
        noClasses().that().resideInAnyPackage("dev.skiff.diag..", "dev.skiff.syntax..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.skiff.modules..", "dev.skiff.resolve..", "dev.skiff.types..",
                        "dev.skiff.eval..", "dev.skiff.emit..", "dev.skiff.k8s..")
                .check(classes);
    }

    @Test
    void writersAndSchemasDoNotReachIntoTheEvaluator() {
        noClasses().that().resideInAnyPackage("dev.skiff.emit..", "dev.skiff.k8s..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.skiff.syntax..", "dev.skiff.modules..",
                        "dev.skiff.eval..")
                .check(classes);
    }

    @Test
    void resolvingKnowsNothingOfTypesOrValues() {
        noClasses().that().resideInAPackage("dev.skiff.resolve..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.skiff.types..", "dev.skiff.eval..",
                        "dev.skiff.emit..", "dev.skiff.k8s..")
                .check(classes);
    }

    @Test
    void typesKnowNothingOfValues() {
        noClasses().that().resideInAPackage("dev.skiff.types..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.skiff.eval..", "dev.skiff.validate..",
                        "dev.skiff.emit..")
                .check(classes);
    }

    @Test
    void evaluationDoesNotValidate() {
        noClasses().that().resideInAPackage("dev.skiff.eval..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.skiff.validate..")
                .check(classes);
    }

    @Test
    void modulesDoNotEvaluate() {
        noClasses().that().resideInAPackage("dev.skiff.modules..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.skiff.eval..", "dev.skiff.types..",
                        "dev.skiff.resolve..")
                .check(classes);
    }
}
