package dev.airlock.identity;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/** The verifier is usable by a Lambda function, the local gateway and a CLI alike. */
class ArchitectureTest {

    private static final JavaClasses IDENTITY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.airlock.identity");

    @Test
    void dependsOnlyOnTheJdkNimbusAndTheDomain() {
        assertThat(IDENTITY.stream()).anyMatch(c -> c.getSimpleName().equals("BearerTokenVerifier"));
        classes().that().resideInAPackage("dev.airlock.identity..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "com.nimbusds..",
                        "dev.airlock.identity..", "dev.airlock.domain.error..")
                .check(IDENTITY);
    }
}
