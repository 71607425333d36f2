package dev.airlock.app;

import dev.airlock.app.aws.AwsClients;
import dev.airlock.app.testing.EmbeddedStack;
import dev.airlock.app.testing.Events;
import dev.airlock.app.testing.LambdaResponse;
import dev.airlock.core.audit.AuditReport;
import dev.airlock.core.audit.AuditVerifier;
import dev.airlock.aws.dynamodb.AuditSnapshotReader;
import dev.airlock.core.testing.MutableClock;
import dev.airlock.core.testing.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression tests for the security review of issue #12 that need the embedded AWS endpoints and their
 * fault injection (docs/ENDPOINTS.md). Each failed on the code before its fix. See docs/SECURITY.md.
 */
class SecurityRegressionIT {

    /** More failures than the SDK makes attempts, so every attempt of the call fails. */
    private static final int EVERY_ATTEMPT = 50;

    private static EmbeddedStack stack;
    private static LocalFunctions functions;

    @BeforeAll
    static void start() {
        MutableClock clock = MutableClock.startingNow();
        stack = EmbeddedStack.start(clock);
        functions = LocalFunctions.start(stack.config(), clock);
    }

    @AfterEach
    void clearFaults() {
        stack.faults().clear();
    }

    @AfterAll
    static void stop() {
        if (functions != null) {
            functions.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * Finding 10: KMS answering 500 on every SDK attempt made {@code POST /certificates} a 500, which
     * clients do not retry. A dependency's outage is a 503 with {@code Retry-After}; no certificate
     * leaves and nothing is recorded, and the same call succeeds once KMS is back.
     */
    @Test
    void finding10_kmsServerErrorOnEveryAttempt_is503WithRetryAfter_andInvariantsHold() {
        String id = approvedRequest();
        ObjectNode sign = Events.body(Events.load("sign-certificate.json"),
                "{\"publicKey\": \"" + TestKeys.ed25519PublicKeyLine() + "\", \"requestId\": \"" + id + "\"}");
        stack.faults().serverError("TrentService.Sign", EVERY_ATTEMPT);

        LambdaResponse failed = invoke("sign", sign);

        assertThat(failed.status()).as(failed.body()).isEqualTo(503);
        assertThat(failed.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(Long.parseLong(failed.header("Retry-After"))).isPositive();
        assertThat(failed.json().get("code").asString()).isEqualTo("kms_unavailable");
        assertThat(serials(id)).isEmpty();
        assertAuditIntact();

        stack.faults().clear();
        LambdaResponse retried = invoke("sign", sign);

        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(serials(id)).containsExactly(retried.json().get("serial").asString());
        assertAuditIntact();
    }

    /** Finding 10, DynamoDB side: 500 on every attempt of the request's write is a 503, and nothing is stored. */
    @Test
    void finding10_dynamoDbServerErrorOnEveryAttempt_is503WithRetryAfter() {
        stack.faults().serverError("DynamoDB_20120810.TransactWriteItems", EVERY_ATTEMPT);

        LambdaResponse failed = invoke("request",
                Events.withoutHeader(Events.load("request-create.json"), "idempotency-key"));

        assertThat(failed.status()).as(failed.body()).isEqualTo(503);
        assertThat(Long.parseLong(failed.header("Retry-After"))).isPositive();
        assertThat(failed.json().get("code").asString()).isEqualTo("storage_unavailable");
        assertAuditIntact();
    }

    private static String approvedRequest() {
        LambdaResponse created = invoke("request",
                Events.withoutHeader(Events.load("request-create.json"), "idempotency-key"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        LambdaResponse approved = invoke("approve", Events.requestId(Events.load("review-approve.json"), id));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    private static List<String> serials(String id) {
        JsonNode stored = invoke("list", Events.requestId(Events.load("list-one.json"), id)).json();
        List<String> serials = new ArrayList<>();
        stored.get("certificateSerials").forEach(serial -> serials.add(serial.asString()));
        return serials;
    }

    private static void assertAuditIntact() {
        try (AwsClients clients = new AwsClients(stack.config()); DynamoDbClient dynamoDb = clients.dynamoDb()) {
            AuditReport report = new AuditVerifier().verify(
                    new AuditSnapshotReader(dynamoDb, EmbeddedStack.tables(stack.config())).read());
            assertThat(report.intact()).as(report.summary()).isTrue();
        }
    }

    private static LambdaResponse invoke(String function, ObjectNode event) {
        return LambdaResponse.parse(functions.invokeAsLambda(function, Events.bytes(event)));
    }
}
