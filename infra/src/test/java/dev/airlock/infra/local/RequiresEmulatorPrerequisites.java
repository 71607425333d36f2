package dev.airlock.infra.local;

import dev.airlock.infra.StackConfig;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Disables the emulator test, with the reason in the report, where it cannot run: no container
 * engine, no Lambda package, or LocalStack chosen without its auth token. A missing prerequisite
 * is never a failure.
 */
final class RequiresEmulatorPrerequisites implements ExecutionCondition {

    /** The Lambda package to deploy; {@code -Dairlock.lambdaZip=...} overrides. */
    static Path lambdaZip() {
        return Path.of(System.getProperty("airlock.lambdaZip", Path.of("..", StackConfig.DEFAULT_LAMBDA_ZIP).toString()));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.disabled("No container engine (Docker) is available: skipping the"
                    + " LocalStack/Floci deployment test. It runs wherever Testcontainers finds Docker.");
        }
        if (!Files.isRegularFile(lambdaZip())) {
            return ConditionEvaluationResult.disabled("Lambda package " + lambdaZip() + " is missing: build it with"
                    + " `mvn -B -q -pl functions/app -am package -DskipTests` to run the deployment test.");
        }
        if (Emulator.choose(System.getenv()) == Emulator.LOCALSTACK && Emulator.token(System.getenv()).isEmpty()) {
            return ConditionEvaluationResult.disabled(
                    "AIRLOCK_EMULATOR=localstack needs LOCALSTACK_AUTH_TOKEN; unset AIRLOCK_EMULATOR to use Floci.");
        }
        return ConditionEvaluationResult.enabled("container engine and Lambda package present");
    }
}
