package dev.airlock.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI's boundaries: no Spring and none of the Lambda app or local runner; the AWS adapters only
 * through the operator commands' entry point; and the environment read in one class.
 */
class ArchitectureTest {

    private static JavaClasses cli;

    @BeforeAll
    static void importCli() {
        cli = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.airlock.cli");
    }

    @Test
    void importsTheWholeCli() {
        assertThat(cli.stream().map(c -> c.getPackageName()).distinct())
                .contains("dev.airlock.cli", "dev.airlock.cli.command", "dev.airlock.cli.http", "dev.airlock.cli.auth",
                        "dev.airlock.cli.login", "dev.airlock.cli.text");
    }

    @Test
    void noSpring_noLambdaApp_noLocalRunner() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "dev.airlock.app..",
                "dev.airlock.local..").check(cli);
    }

    @Test
    void awsAdapters_onlyThroughAdminMain_fromOneClass() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.airlock.cli.command.AdminRun")
                .should().dependOnClassesThat().resideInAnyPackage("dev.airlock.aws..", "software.amazon..")
                .check(cli);
    }

    @Test
    void environmentVariables_areReadOnlyByTheEntryPoint() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.airlock.cli.AccessMain")
                .should().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .check(cli);
    }
}
