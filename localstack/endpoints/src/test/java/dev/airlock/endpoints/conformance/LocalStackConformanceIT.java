package dev.airlock.endpoints.conformance;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The conformance suite against LocalStack in a container, when a container engine is present.
 * Without one it is skipped with a message saying so (most machines here have none); without a
 * LocalStack auth token too, because current LocalStack images refuse to start without it.
 */
class LocalStackConformanceIT {

    /** Pinned as in {@code localstack/docker-compose.yml}; override with -Dairlock.localstack.image. */
    static final String DEFAULT_IMAGE = "localstack/localstack:2026.08.3";
    private static final String TOKEN = "LOCALSTACK_AUTH_TOKEN";

    @Test
    void conformanceSuite_passesAgainstLocalStack() throws Exception {
        assumeTrue(dockerAvailable(), "Skipped: no container engine (Docker) is reachable, so LocalStack cannot run "
                + "here. The suite still runs against the embedded endpoints; against another emulator use "
                + "scripts/conformance --endpoint URL.");
        Optional<String> token = Optional.ofNullable(System.getenv(TOKEN)).filter(t -> !t.isBlank());
        assumeTrue(token.isPresent(), "Skipped: " + TOKEN + " is not set and current LocalStack images do not start "
                + "without it. Set it, or run scripts/conformance --endpoint URL against Floci.");
        String image = System.getProperty("airlock.localstack.image", DEFAULT_IMAGE);
        try (LocalStackContainer localstack = new LocalStackContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"))
                .withServices("dynamodb", "dynamodbstreams", "kms", "s3").withEnv(TOKEN, token.get())) {
            localstack.start();

            TestExecutionSummary summary = ConformanceSuite.runAgainst(localstack.getEndpoint(),
                    ConformanceTarget.Emulator.LOCALSTACK);

            assertThat(summary.getTestsFoundCount()).as("conformance tests found").isPositive();
            assertThat(summary.getTotalFailureCount()).as("failures against " + image + ":\n"
                    + ConformanceSuite.describeFailures(summary)).isZero();
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
