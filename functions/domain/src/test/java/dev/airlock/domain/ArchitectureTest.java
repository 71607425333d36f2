package dev.airlock.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The domain stays pure (docs/ARCHITECTURE.md "Modules and dependency direction"). */
class ArchitectureTest {

    private static JavaClasses domain;

    @BeforeAll
    static void importDomain() {
        domain = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.airlock.domain");
    }

    @Test
    void importsTheWholeDomain() {
        // Guards against a rule passing vacuously because nothing was imported.
        Assertions.assertThat(domain.stream().map(c -> c.getPackageName()).distinct())
                .contains("dev.airlock.domain.error", "dev.airlock.domain.role",
                        "dev.airlock.domain.request", "dev.airlock.domain.policy");
    }

    @Test
    void dependsOnNoAwsSpringCryptoOrJson() {
        noClasses().that().resideInAPackage("dev.airlock.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "org.springframework..", "org.bouncycastle..",
                        "tools.jackson..", "com.fasterxml..")
                .check(domain);
    }

    @Test
    void onlyTheRoleFileParserUsesTheYamlLibrary() {
        noClasses().that().resideOutsideOfPackage("dev.airlock.domain.role")
                .should().dependOnClassesThat().resideInAPackage("org.snakeyaml..")
                .check(domain);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.airlock.domain.(*)..").should().beFreeOfCycles().check(domain);
    }
}
