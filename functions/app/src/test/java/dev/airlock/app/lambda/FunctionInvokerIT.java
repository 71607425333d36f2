package dev.airlock.app.lambda;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.app.AirlockApplication;
import dev.airlock.app.aws.AwsClients;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.testing.EmbeddedStack;
import dev.airlock.app.testing.Events;
import dev.airlock.app.testing.TestTokens;
import dev.airlock.app.testing.LambdaProcess;
import dev.airlock.app.testing.LambdaResponse;
import dev.airlock.core.testing.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged zip started as Lambda starts it: {@code FunctionInvoker} as the handler, the start class
 * from {@code MAIN_CLASS}, the bean from {@code SPRING_CLOUD_FUNCTION_DEFINITION}, event JSON in and the
 * proxy response JSON out — and the whole console output checked for bearer tokens and credentials.
 */
class FunctionInvokerIT {

    private static final String SECRET_ACCESS_KEY = "fakeSecretAccessKeyWhichMustNeverBeLogged";
    private static final String SESSION_TOKEN = "FakeSessionTokenWhichMustNeverBeLogged";

    @TempDir
    static Path work;

    private static EmbeddedStack stack;
    private static LambdaProcess lambda;

    @BeforeAll
    static void start() throws IOException {
        stack = EmbeddedStack.start(Clock.systemUTC());
        Path task = Files.createDirectories(work.resolve("task"));
        lambda = LambdaProcess.unpack(Path.of(System.getProperty("airlock.lambdaZip")), task);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** What the Lambda runtime and the CDK stack put in a function's environment. */
    private static Map<String, String> lambdaEnvironment(String function) {
        Map<String, String> env = new HashMap<>();
        env.put("_HANDLER", "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "airlock-" + function);
        env.put("AWS_REGION", "eu-central-1");
        env.put("AWS_ACCESS_KEY_ID", "ASIAFAKEACCESSKEYID");
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        env.put("AWS_SESSION_TOKEN", SESSION_TOKEN);
        env.put("AWS_ENDPOINT_URL", stack.endpoint());
        env.put("MAIN_CLASS", AirlockApplication.class.getName());
        env.put("SPRING_CLOUD_FUNCTION_DEFINITION", function);
        env.put("AIRLOCK_REQUESTS_TABLE", stack.config().requestsTable());
        env.put("AIRLOCK_AUDIT_TABLE", stack.config().auditTable());
        env.put("AIRLOCK_USER_CLAIM", "sub");
        env.put("AIRLOCK_GROUPS_CLAIM", "groups");
        env.putAll(TestTokens.environment());
        return env;
    }

    private static Path write(String name, JsonNode event) throws IOException {
        return Files.write(work.resolve(name), Events.bytes(event));
    }

    private static void assertNoSecrets(String log) {
        assertThat(log).doesNotContain(Events.BOB_TOKEN, Events.ALICE_TOKEN, "eyJ", "Bearer ", SECRET_ACCESS_KEY,
                SESSION_TOKEN);
    }

    @Test
    void sign_shouldServeTheCaKeyAndIssueCertificates_withoutLoggingTokensEvenAtDebug() throws IOException {
        Map<String, String> env = lambdaEnvironment("sign");
        env.put("AIRLOCK_CA_KEY_ID", stack.config().caKeyId());
        // A deployment turning every logger up must still not leak the raw event.
        env.put("LOGGING_LEVEL_ROOT", "DEBUG");
        ObjectNode certificate = Events.body(Events.load("sign-certificate.json"),
                "{\"publicKey\": \"" + TestKeys.ed25519PublicKeyLine() + "\"}");

        LambdaProcess.Run run = lambda.run(env, List.of(write("ca.json", Events.load("get-ca.json")),
                write("certificate.json", certificate)));

        assertThat(run.exitCode()).as(run.log()).isZero();
        List<byte[]> responses = run.responses();
        assertThat(responses).hasSize(2);
        LambdaResponse ca = LambdaResponse.parse(responses.get(0));
        assertThat(ca.status()).isEqualTo(200);
        assertThat(ca.body()).startsWith("ecdsa-sha2-nistp256 ");
        assertThat(ca.raw().get("isBase64Encoded").asBoolean()).isFalse();
        LambdaResponse issued = LambdaResponse.parse(responses.get(1));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().get("certificate").asString()).startsWith("ssh-ed25519-cert-v01@openssh.com ");
        assertThat(run.log()).contains("DEBUG");
        assertNoSecrets(run.log());
    }

    @Test
    void request_shouldCreateReplayAndRefuseUnauthenticatedCalls_withoutLoggingTokens() throws IOException {
        ObjectNode create = Events.header(Events.load("request-create.json"), "idempotency-key", "invoker-it-1");

        LambdaProcess.Run run = lambda.run(lambdaEnvironment("request"), List.of(write("create.json", create),
                write("replay.json", create), write("anonymous.json", Events.load("no-claims.json"))));

        assertThat(run.exitCode()).as(run.log()).isZero();
        List<LambdaResponse> responses = run.responses().stream().map(LambdaResponse::parse).toList();
        assertThat(responses).extracting(LambdaResponse::status).containsExactly(201, 200, 401);
        assertThat(responses.get(1).header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(responses.get(2).header("Content-Type")).isEqualTo("application/problem+json");
        // The log is captured (the 401 is logged with its correlation id) and holds no token.
        assertThat(run.log()).contains(Events.load("no-claims.json").get("requestContext").get("requestId").asString());
        assertNoSecrets(run.log());
    }

    /**
     * Issue 12, finding 2, through the package as Lambda runs it: a direct invocation whose authorizer
     * claims say alice / dba-reviewers but that carries no token, a token nobody signed, or an
     * {@code alg: none} token gets a 401 and changes nothing; a valid token still works.
     */
    @Test
    void forgedClaims_withoutAValidToken_shouldBe401_throughThePackage() throws IOException {
        ObjectNode noToken = Events.withoutHeader(Events.forgedClaims(Events.load("list-queue-json-groups.json"),
                "alice", "[dba-reviewers]"), "authorization");
        ObjectNode fakeToken = Events.bearer(Events.forgedClaims(Events.load("list-queue-json-groups.json"),
                "alice", "[dba-reviewers]"), "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl");
        ObjectNode unsigned = Events.bearer(Events.forgedClaims(Events.load("list-queue-json-groups.json"),
                "alice", "[dba-reviewers]"), dev.airlock.identity.testing.TestIssuer.unsigned(
                dev.airlock.identity.testing.TestIssuer.shared().claims("alice", List.of("dba-reviewers")).build()));
        ObjectNode valid = Events.load("list-queue-json-groups.json");
        Map<String, String> env = lambdaEnvironment("list");
        env.put("AIRLOCK_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        List<Integer> before = itemCounts();

        LambdaProcess.Run run = lambda.run(env, List.of(write("forged-none.json", noToken),
                write("forged-fake.json", fakeToken), write("forged-unsigned.json", unsigned), write("valid.json", valid)));

        assertThat(run.exitCode()).as(run.log()).isZero();
        List<LambdaResponse> responses = run.responses().stream().map(LambdaResponse::parse).toList();
        assertThat(responses).extracting(LambdaResponse::status).containsExactly(401, 401, 401, 200);
        assertThat(responses.subList(0, 3)).extracting(r -> r.json().get("code").asString())
                .containsExactly("no_token", "invalid_token", "invalid_token");
        assertThat(itemCounts()).isEqualTo(before);
        assertNoSecrets(run.log());
    }

    /**
     * Bodies that are JSON but not an object — arrays above all, which Spring Cloud Function would take
     * apart into "events" of their own — are the functions' 400 problems, and nothing is stored; an
     * array holding an event that claims alice creates nothing for alice.
     */
    @Test
    void request_nonObjectBodies_shouldBe400Problems_andStoreNothing() throws IOException {
        ObjectNode alicesEvent = Events.claims(Events.withoutHeader(Events.load("request-create.json"),
                "idempotency-key"), "alice", "[dba-reviewers]");
        List<String> bodies = List.of("[\"dba\"]", "[]", "[{\"roles\": [\"dba\"], \"reason\": \"INC-1\"}]",
                "[[\"dba\"]]", "\"str\"", "42", "null", "[" + alicesEvent + "]");
        List<Path> events = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            events.add(write("non-object-" + i + ".json", Events.withoutHeader(
                    Events.body(Events.load("request-create.json"), bodies.get(i)), "idempotency-key")));
        }
        events.add(write("non-object-base64.json", Events.base64Body(Events.load("request-create.json"),
                "[\"dba\"]".getBytes(StandardCharsets.UTF_8))));
        List<Integer> before = itemCounts();

        LambdaProcess.Run run = lambda.run(lambdaEnvironment("request"), events);

        assertThat(run.exitCode()).as(run.log()).isZero();
        List<LambdaResponse> responses = run.responses().stream().map(LambdaResponse::parse).toList();
        assertThat(responses).hasSize(events.size());
        for (LambdaResponse response : responses) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.json().get("code").asString()).isIn("invalid_field", "malformed_json");
            assertThat(response.json().get("detail").asString()).isEqualTo("the body must be a JSON object");
        }
        assertThat(itemCounts()).isEqualTo(before);
        assertNoSecrets(run.log());
    }

    /** Items in the requests and the audit table. */
    private static List<Integer> itemCounts() {
        try (AwsClients clients = new AwsClients(stack.config()); DynamoDbClient dynamoDb = clients.dynamoDb()) {
            return List.of(dynamoDb.scan(b -> b.tableName(stack.config().requestsTable())).count(),
                    dynamoDb.scan(b -> b.tableName(stack.config().auditTable())).count());
        }
    }

    @Test
    void list_shouldRequireItsCursorKey_andListWithIt() throws IOException {
        LambdaProcess.Run withoutKey = lambda.run(lambdaEnvironment("list"),
                List.of(write("list.json", Events.load("list-mine.json"))));

        assertThat(withoutKey.exitCode()).isNotZero();
        assertThat(withoutKey.log()).contains("AIRLOCK_CURSOR_KEY");

        Map<String, String> env = lambdaEnvironment("list");
        env.put("AIRLOCK_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        LambdaProcess.Run run = lambda.run(env, List.of(write("list.json", Events.load("list-mine.json"))));

        assertThat(run.exitCode()).as(run.log()).isZero();
        LambdaResponse page = LambdaResponse.parse(run.responses().get(0));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().has("items")).isTrue();
        assertNoSecrets(run.log());
    }

    @Test
    void expire_shouldTakeTheScheduledEventAndReturnItsSummary() throws IOException {
        LambdaProcess.Run run = lambda.run(lambdaEnvironment("expire"),
                List.of(write("scheduled.json", Events.load("scheduled.json"))));

        assertThat(run.exitCode()).as(run.log()).isZero();
        JsonNode summary = Events.MAPPER.readTree(run.responses().get(0));
        assertThat(summary.propertyNames()).containsExactly("overdue", "expired", "skipped", "conflicts", "moreWork",
                "overduePostReviews");
        assertThat(run.log()).contains("expiry sweep");
    }

    @Test
    void badConfiguration_shouldFailStartNamingTheVariable() {
        Map<String, String> env = lambdaEnvironment("approve");
        env.put("AIRLOCK_AUDIT_TABLE", "no spaces allowed");

        LambdaProcess.Run run = lambda.run(env, List.of());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.log()).contains(EnvironmentNames.AUDIT_TABLE + " must be a DynamoDB table name");
    }
}
