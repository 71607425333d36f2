package dev.airlock.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core holds the use cases, the ports and the contracts every layer shares (docs/ARCHITECTURE.md):
 * it knows no AWS, Spring or JSON library, and its packages depend on each other one way.
 */
class CoreArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.airlock.core");
    }

    @Test
    void importsTheWholeCore() {
        assertThat(core.stream().map(c -> c.getPackageName()).distinct())
                .contains("dev.airlock.core.audit", "dev.airlock.core.port", "dev.airlock.core.usecase",
                        "dev.airlock.core.retry", "dev.airlock.core.api");
    }

    @Test
    void dependsOnNoAwsSpringOrJson() {
        noClasses().that().resideInAPackage("dev.airlock.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "org.springframework..",
                        "tools.jackson..", "com.fasterxml..")
                .check(core);
    }

    @Test
    void theAuditVerifierNeedsNoUseCaseNorPort() {
        // A stream-fed checkpoint verifies an increment with core.audit alone.
        noClasses().that().resideInAPackage("dev.airlock.core.audit..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.airlock.core.usecase..", "dev.airlock.core.port..", "dev.airlock.ssh..")
                .check(core);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.airlock.core.(*)..").should().beFreeOfCycles().check(core);
    }
}
