package dev.airlock.core.config;

import dev.airlock.core.SourceScan;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Environment variable names have one home: {@link EnvironmentNames}. */
class EnvironmentNamesTest {

    /** A whole string literal that is a variable name (a name inside a message is fine). */
    private static final Pattern NAME_LITERAL = Pattern.compile("\"(?:AIRLOCK|AWS|SPRING_CLOUD_FUNCTION)_[A-Z_]+\"");
    private static final Set<String> ALLOWED = Set.of(
            "functions/core/src/main/java/dev/airlock/core/config/EnvironmentNames.java",
            // KMS key origins (AWS_KMS, AWS_CLOUDHSM), not variables
            "localstack/endpoints/src/main/java/dev/airlock/endpoints/kms/KeyCreation.java",
            "localstack/endpoints/src/main/java/dev/airlock/endpoints/kms/KmsJson.java",
            // the CLI's client variables: it depends on core (through aws) and can read them from
            // EnvironmentNames; left to the CLI's owners, so allowed here by name until then
            "functions/cli/src/main/java/dev/airlock/cli/Environment.java",
            "functions/cli/src/main/java/dev/airlock/cli/auth/TokenSource.java",
            // the cold-start driver runs on the bare Lambda class path
            "localstack/bench/src/main/java/dev/airlock/bench/coldstart/driver/DriverContext.java");

    @Test
    void noOtherMainSourceSpellsAVariableName() {
        assertThat(SourceScan.find(NAME_LITERAL, ALLOWED)).isEmpty();
    }

    @Test
    void namesAreUnique() {
        assertThat(Arrays.stream(EnvironmentNames.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()))
                .map(EnvironmentNamesTest::value)).doesNotHaveDuplicates().contains("AIRLOCK_REQUESTS_TABLE");
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
