package dev.airlock.endpoints;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The wire layer: authentication shape, routing, error shapes and injected faults, seen through the SDK. */
class EmbeddedAwsServerTest {

    private static final String SIGV4 = "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=" + "0f".repeat(32);

    private static EmbeddedAwsServer server;
    private static DynamoDbClient dynamo;
    private static KmsClient kms;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults());
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));
        dynamo = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1))).build();
        kms = KmsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1))).build();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        kms.close();
        server.close();
    }

    @AfterEach
    void clearFaults() {
        server.faults().clear();
    }

    @Test
    void endpoint_isLoopbackWithTheChosenPort() {
        assertThat(server.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
        assertThat(server.port()).isPositive();
    }

    @Test
    void requestWithoutAuthorization_isRefusedWithMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "{}", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("MissingAuthenticationTokenException");
    }

    @Test
    void requestWithANonSigV4Authorization_isRefusedWithIncompleteSignature() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "{}", "Bearer abc");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("IncompleteSignatureException");
    }

    @Test
    void unknownTarget_isUnknownOperation() throws Exception {
        HttpResponse<String> unknownService = post("Nope_2020.DoIt", "{}", SIGV4);
        HttpResponse<String> unknownOperation = post("DynamoDB_20120810.DoIt", "{}", SIGV4);

        assertThat(unknownService.statusCode()).isEqualTo(400);
        assertThat(unknownService.body()).contains("\"__type\":\"UnknownOperationException\"");
        assertThat(unknownOperation.statusCode()).isEqualTo(400);
        assertThat(unknownOperation.body()).contains("#UnknownOperationException");
    }

    @Test
    void malformedJson_isSerializationException() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "{not json", SIGV4);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("com.amazon.coral.service#SerializationException");
    }

    @Test
    void dynamoDbErrors_carryTheNamespacedType_andKmsErrorsThePlainOne() throws Exception {
        server.faults().throttle("*", 2);

        HttpResponse<String> dynamoError = post("DynamoDB_20120810.TransactWriteItems", "{}", SIGV4);
        HttpResponse<String> kmsError = post("TrentService.Sign", "{}", SIGV4);

        assertThat(dynamoError.body()).contains("\"__type\":\"com.amazon.coral.availability#ThrottlingException\"");
        assertThat(kmsError.body()).contains("\"__type\":\"ThrottlingException\"");
        assertThat(kmsError.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
    }

    @Test
    void throttledTransaction_raisesTheSdksThrottlingException() {
        server.faults().throttle("DynamoDB_20120810.TransactWriteItems", 1);

        ThrottlingException thrown = catchThrowableOfType(ThrottlingException.class,
                () -> dynamo.transactWriteItems(r -> r.transactItems(t -> t.conditionCheck(
                        c -> c.tableName("t").key(java.util.Map.of()).conditionExpression("attribute_exists(a)")))));

        assertThat(thrown.statusCode()).isEqualTo(400);
        assertThat(thrown.isThrottlingException()).isTrue();
    }

    @Test
    void throttledItemWrite_raisesProvisionedThroughputExceeded() {
        server.faults().throttle("DynamoDB_20120810.PutItem", 1);

        ProvisionedThroughputExceededException thrown = catchThrowableOfType(
                ProvisionedThroughputExceededException.class,
                () -> dynamo.putItem(r -> r.tableName("t").item(java.util.Map.of())));

        assertThat(thrown.isThrottlingException()).isTrue();
    }

    @Test
    void serverError_raisesInternalServerError500() {
        server.faults().serverError("DynamoDB_20120810", 1);

        InternalServerErrorException thrown = catchThrowableOfType(InternalServerErrorException.class,
                () -> dynamo.listTables());

        assertThat(thrown.statusCode()).isEqualTo(500);
    }

    @Test
    void throttledKmsCall_isAKmsThrottlingError() {
        server.faults().throttle("TrentService.ListKeys", 1);

        KmsException thrown = catchThrowableOfType(KmsException.class, () -> kms.listKeys());

        assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(thrown.isThrottlingException()).isTrue();
    }

    @Test
    void latency_delaysTheMatchingOperation() throws Exception {
        server.faults().latency("DynamoDB_20120810.ListTables", Duration.ofMillis(300));

        long start = System.nanoTime();
        post("DynamoDB_20120810.ListTables", "{}", SIGV4);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void plainGet_answersHealthy() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.endpoint()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("healthy");
    }

    private HttpResponse<String> post(String target, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.endpoint())
                .header("X-Amz-Target", target)
                .header("X-Amz-Date", "20250101T000000Z")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
