package dev.airlock.app.aws;

import dev.airlock.app.LocalFunctions;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.testing.EmbeddedStack;
import dev.airlock.app.testing.Events;
import dev.airlock.app.testing.LambdaResponse;
import dev.airlock.aws.dynamodb.AuditSnapshotReader;
import dev.airlock.core.api.Routes;
import dev.airlock.core.audit.AuditVerifier;
import dev.airlock.core.testing.MutableClock;
import dev.airlock.core.testing.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five functions over the real DynamoDB and KMS adapters, through the AWS SDK wire path, against
 * the embedded endpoints: the Teleport scenario end to end, as the local gateway will run it.
 */
class AwsAdaptersIT {

    private static EmbeddedStack stack;
    private static MutableClock clock;
    private static LocalFunctions functions;
    private static AirlockConfig config;
    private static String caLine;

    @BeforeAll
    static void start() {
        clock = MutableClock.startingNow();
        stack = EmbeddedStack.start(clock);
        config = stack.config();
        functions = LocalFunctions.start(config, clock);
        caLine = LambdaResponse.parse(functions.invokeAsLambda("sign", Events.bytes(Events.load("get-ca.json")))).body();
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

    private static LambdaResponse invoke(String function, ObjectNode event) {
        return LambdaResponse.parse(functions.invokeAsLambda(function, Events.bytes(event)));
    }

    private static String bobRequestsDba() {
        LambdaResponse created = invoke("request", Events.withoutHeader(Events.load("request-create.json"),
                "idempotency-key"));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void teleportScenario_shouldRunThroughDynamoDbAndKms() {
        // bob requests dba with a reason
        String id = bobRequestsDba();

        // alice sees it in her review queue and approves
        JsonNode queue = invoke("list", Events.load("list-queue-json-groups.json")).json();
        assertThat(queue.get("items").findValuesAsString("id")).contains(id);
        LambdaResponse approved = invoke("approve", Events.requestId(Events.load("review-approve.json"), id));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("APPROVED");

        // bob gets a certificate signed by the KMS key
        ObjectNode sign = Events.body(Events.load("sign-certificate.json"),
                "{\"publicKey\": \"" + TestKeys.ed25519PublicKeyLine() + "\", \"requestId\": \"" + id + "\"}");
        LambdaResponse certificate = invoke("sign", sign);
        assertThat(certificate.status()).isEqualTo(201);
        assertThat(certificate.json().get("principals").toString()).contains("\"dba\"");
        assertThat(caLine).startsWith("ecdsa-sha2-nistp256 ");

        // the second approval is a conflict, and the stored request holds the serial
        assertThat(invoke("approve", Events.requestId(Events.load("review-approve.json"), id)).status())
                .isEqualTo(409);
        JsonNode stored = invoke("list", Events.requestId(Events.load("list-one.json"), id)).json();
        assertThat(stored.get("certificateSerials").get(0).asString())
                .isEqualTo(certificate.json().get("serial").asString());
    }

    @Test
    void idempotencyKey_shouldReplayThroughDynamoDb() {
        ObjectNode event = Events.header(Events.load("request-create.json"), "idempotency-key", "it-replay-1");
        LambdaResponse first = invoke("request", event);
        LambdaResponse second = invoke("request", event);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    }

    @Test
    void expirySweep_shouldRecordOverdueRequests_andAuditChainsStayIntact() {
        String id = bobRequestsDba();
        clock.advance(Duration.ofDays(8));

        Map<String, Object> summary = functions.scheduled(Routes.EXPIRE).apply(Map.of());

        assertThat((Integer) summary.get("expired")).isGreaterThanOrEqualTo(1);
        JsonNode expired = invoke("list", Events.requestId(Events.load("list-one.json"), id)).json();
        assertThat(expired.get("state").asString()).isEqualTo("EXPIRED");
        try (AwsClients clients = new AwsClients(config); DynamoDbClient dynamoDb = clients.dynamoDb()) {
            var report = new AuditVerifier().verify(new AuditSnapshotReader(dynamoDb, EmbeddedStack.tables(config)).read());
            assertThat(report.intact()).as(report.summary()).isTrue();
            assertThat(report.records()).isGreaterThan(2);
        }
    }
}
